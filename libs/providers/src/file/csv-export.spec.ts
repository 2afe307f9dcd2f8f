import { join } from 'node:path';

import { FileDirectoryError } from './file-error';
import { FIXTURES, membersByGroup, readExport, writeExport } from './__fixtures__/read-export';

const SAMPLE = join(FIXTURES, '..', 'sample', 'people.csv');

describe('a CSV export', () => {
  it('reads the bundled sample: 12 people, 4 groups, Platform nested in Engineering', async () => {
    const snapshot = await readExport(SAMPLE);

    expect(snapshot.users).toHaveLength(12);
    expect(snapshot.users).toContainEqual({
      externalId: 'E1011',
      referenceId: 'E1011',
      email: 'kate.murphy@example.com',
      disabled: true,
      deleted: false,
    });
    expect(snapshot.users.filter((user) => user.deleted).map((user) => user.email)).toEqual([
      'liam.walsh@example.com',
    ]);
    expect(membersByGroup(snapshot)).toEqual({
      Engineering: { users: ['E1001', 'E1004'], groups: ['Platform'] },
      Platform: { users: ['E1002', 'E1003', 'E1010'], groups: [] },
      Sales: { users: ['E1005', 'E1006', 'E1007', 'E1011'], groups: [] },
      Support: { users: ['E1003', 'E1007', 'E1008', 'E1009', 'E1012'], groups: [] },
    });
    expect(snapshot.notices).toEqual([]);
    expect(snapshot.cursor).toEqual({
      usersReadAt: null,
      groupsReadAt: null,
      userDeltaToken: null,
      groupDeltaToken: null,
    });
  });

  it('takes the email as external id without that column, and headers in any case', async () => {
    const path = await writeExport(
      'hr.csv',
      '\uFEFF Email ;Teams\r\na@example.com;"A|B;C"\r\n\r\nx@example.com;\r\n',
    );

    const snapshot = await readExport(path, {
      delimiter: ';',
      groupsColumn: 'teams',
      groupSeparator: '|',
    });

    expect(snapshot.users.map((user) => [user.externalId, user.email])).toEqual([
      ['a@example.com', 'a@example.com'],
      ['x@example.com', 'x@example.com'],
    ]);
    expect(snapshot.groups.map((group) => group.name)).toEqual(['A', 'B;C']);
  });

  it('passes cyclic nesting through for the engine to flatten', async () => {
    const path = await writeExport('cycle.csv', 'email,groups\na@x.com,A > B\nb@x.com,B > A\n');

    expect(membersByGroup(await readExport(path))).toEqual({
      A: { users: ['b@x.com'], groups: ['B'] },
      B: { users: ['a@x.com'], groups: ['A'] },
    });
  });

  it('takes > literally when group paths are off', async () => {
    const path = await writeExport('flat.csv', 'email,groups\na@x.com,R&D > Labs\n');

    const snapshot = await readExport(path, { groupPathSeparator: null });

    expect(snapshot.groups.map((group) => group.name)).toEqual(['R&D > Labs']);
  });

  it.each([
    ['a row of the wrong length', 'email,groups\na@x.com,A\nb@x.com,B,C\n', /line 3/],
    ['an unclosed quote', 'email\n"a@x.com\n', /Quote Not Closed/],
    ['an empty file', '', /it is empty/],
    ['no email column', 'mail,groups\na@x.com,A\n', /no column "email" \(it has: mail, groups\)/],
    ['a twice-named column', 'email,Email\na@x.com,b\n', /"Email" twice/],
    [
      'flags that are not flags, every one named',
      'email,disabled,deleted\na@x.com,maybe,\nb@x.com,,soon\n',
      /line 2, column "disabled": "maybe".*line 3, column "deleted": "soon"/,
    ],
    ['a row without email or id', 'email,groups\n,A\n', /line 2: neither an email nor/],
    ['an empty group level', 'email,groups\na@x.com,A > \n', /line 2: .*"A >" has an empty level/],
    ['one external id twice', 'email,externalId\na@x.com,7\nb@x.com,7\n', /7 \(line 2, line 3\)/],
  ])('refuses %s, naming where', async (_case, text, message) => {
    const path = await writeExport('bad.csv', text);

    const read = readExport(path);

    await expect(read).rejects.toThrow(FileDirectoryError);
    await expect(readExport(path)).rejects.toThrow(message);
  });

  it('refuses a configured column the header lacks, rather than reading no groups', async () => {
    const path = await writeExport('hr.csv', 'email,groups\na@x.com,A\n');

    await expect(readExport(path, { groupsColumn: 'Departments' })).rejects.toThrow(
      /no column "Departments"/,
    );
  });
});

import { join } from 'node:path';

import { FileDirectoryError } from './file-error';
import { FIXTURES, membersByGroup, readExport, writeExport } from './__fixtures__/read-export';

describe('a JSON export', () => {
  it('reads users, groups by name or id, members by id or email, nesting and cycles', async () => {
    const snapshot = await readExport(join(FIXTURES, 'people.json'));

    expect(snapshot.users).toEqual([
      {
        externalId: 'u-1',
        referenceId: 'u-1',
        email: 'alice@example.com',
        disabled: false,
        deleted: false,
      },
      {
        externalId: 'bob@example.com',
        referenceId: 'bob@example.com',
        email: 'bob@example.com',
        disabled: false,
        deleted: false,
      },
      {
        externalId: 'carol@example.com',
        referenceId: 'carol@example.com',
        email: 'carol@example.com',
        disabled: true,
        deleted: false,
      },
      { externalId: 'u-4', referenceId: 'u-4', email: null, disabled: false, deleted: true },
    ]);
    expect(membersByGroup(snapshot)).toEqual({
      Engineering: { users: ['u-1'], groups: ['Platform'] },
      Platform: { users: ['bob@example.com'], groups: ['g-eng'] },
      Leavers: { users: ['carol@example.com', 'u-4'], groups: [] },
    });
    expect(snapshot.notices).toEqual([
      {
        kind: 'member-out-of-scope',
        group: 'Platform',
        member: 'nobody@example.com',
        reason: 'unknown-member',
      },
    ]);
  });

  it.each([
    ['text that is not JSON', '{"users": [', /is not valid: .*JSON/],
    [
      'entries of the wrong shape, each by its path',
      '{"users": [{"email": "a@x.com"}, {"email": 3}, {"mail": "c@x.com"}], "groups": [{"members": []}]}',
      /users\[1\]\.email: .*users\[2\]: Unrecognized key: "mail".*groups\[0\]\.name/,
    ],
    [
      'a user with neither email nor id',
      '{"users": [{"deleted": true}]}',
      /users\[0\]: needs an email/,
    ],
    [
      'an external id twice',
      '{"users": [{"email": "a@x.com", "externalId": "1"}, {"email": "b@x.com", "externalId": "1"}]}',
      /1 \(users\[0\], users\[1\]\)/,
    ],
    ['no users list', '{"groups": []}', /users: /],
  ])('refuses %s', async (_case, text, message) => {
    const path = await writeExport('bad.json', text);

    await expect(readExport(path)).rejects.toThrow(FileDirectoryError);
    await expect(readExport(path)).rejects.toThrow(message);
  });
});

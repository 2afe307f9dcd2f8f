import { join } from 'node:path';

import { FileDirectoryError } from './file-error';
import { FIXTURES, membersByGroup, readExport, writeExport } from './__fixtures__/read-export';

const CIRCULAR_GROUPS = join(
  FIXTURES,
  '../../../../../tools/directory-servers/openldap/fixtures/directory-circular-groups.ldif',
);

describe('an LDIF export', () => {
  it('reads people and groups with the LDAP provider’s ids, members by normalised DN', async () => {
    const snapshot = await readExport(join(FIXTURES, 'export.ldif'));

    expect(snapshot.users.map((user) => [user.externalId, user.referenceId, user.email])).toEqual([
      [
        'cn=Alice Chen,ou=People,dc=example,dc=com',
        'cn=alice chen,ou=people,dc=example,dc=com',
        'alice@example.com',
      ],
      [
        'cn=Smith\\, John,ou=People,dc=example,dc=com',
        'cn=smith\\, john,ou=people,dc=example,dc=com',
        'john.smith@example.com',
      ],
      [
        'cn=Jürgen Müller,ou=People,dc=example,dc=com',
        'cn=jürgen müller,ou=people,dc=example,dc=com',
        'juergen@example.com',
      ],
    ]);
    expect(membersByGroup(snapshot)).toEqual({
      Platform: {
        users: ['cn=Smith\\, John,ou=People,dc=example,dc=com'],
        groups: ['cn=engineering,ou=groups,dc=example,dc=com'],
      },
      Engineering: {
        users: ['cn=Alice Chen,ou=People,dc=example,dc=com'],
        groups: ['cn=platform,ou=groups,dc=example,dc=com'],
      },
      Posix: { users: ['cn=Jürgen Müller,ou=People,dc=example,dc=com'], groups: [] },
    });
    expect(snapshot.notices).toEqual([
      {
        kind: 'member-out-of-scope',
        group: 'Engineering',
        member: 'cn=Gone Away,ou=People,dc=example,dc=com',
        reason: 'unknown-member',
      },
      { kind: 'member-out-of-scope', group: 'Posix', member: 'ghost', reason: 'unknown-uid' },
    ]);
  });

  it('reads the OpenLDAP seed with circular groups, as the LDAP provider reads the server', async () => {
    const snapshot = await readExport(CIRCULAR_GROUPS);

    expect(snapshot.users).toHaveLength(8);
    expect(snapshot.groups).toHaveLength(10);
    expect(membersByGroup(snapshot)['TestNestA']).toEqual({
      users: ['cn=Roland Dyke,ou=Human Resources,dc=bitwarden,dc=com'],
      groups: ['cn=testnestb,dc=bitwarden,dc=com'],
    });
    expect(membersByGroup(snapshot)['TestNestB']?.groups).toEqual([
      'cn=testnesta,dc=bitwarden,dc=com',
    ]);
    expect(snapshot.notices).toEqual([]);
  });

  it('takes Active Directory’s objectGUID and disabled flag', async () => {
    const path = await writeExport(
      'ad.ldf',
      [
        'dn: CN=Ann,CN=Users,DC=corp,DC=example',
        'objectClass: user',
        'objectClass: person',
        'objectGUID:: AAECAwQFBgcICQoLDA0ODw==',
        'userAccountControl: 514',
        'mail: ann@corp.example',
        '',
        'dn: CN=PC1,CN=Computers,DC=corp,DC=example',
        'objectClass: user',
        'objectClass: computer',
      ].join('\r\n'),
    );

    const snapshot = await readExport(path);

    expect(snapshot.users).toEqual([
      {
        externalId: '03020100-0504-0706-0809-0a0b0c0d0e0f',
        referenceId: 'cn=ann,cn=users,dc=corp,dc=example',
        email: 'ann@corp.example',
        disabled: true,
        deleted: false,
      },
    ]);
  });

  it.each([
    [
      'an entry without a DN',
      'dn: cn=a\ncn: a\n\nobjectClass: person\n',
      /line 4: an entry must start/,
    ],
    ['one DN twice', 'dn: cn=a,dc=x\n\ndn: CN=A, DC=x\n', /cn=a,dc=x \(line 1, line 3\)/],
  ])('refuses %s', async (_case, text, message) => {
    const path = await writeExport('bad.ldif', text);

    await expect(readExport(path)).rejects.toThrow(FileDirectoryError);
    await expect(readExport(path)).rejects.toThrow(message);
  });
});

import { expandPlaceholders } from './seed';
import { AD_TEST_DIRECTORY as D, adTestDirectoryLdif } from './test-directory';

function records(ldif: string): string[][] {
  return ldif
    .trim()
    .split('\n\n')
    .map((record) => record.split('\n'));
}

describe('adTestDirectoryLdif', () => {
  const ldif = adTestDirectoryLdif();
  const all = records(ldif);
  const dnOf = (record: string[]): string => (record[0] ?? '').replace(/^dn: /, '');

  it('uses placeholders that expand to the described DNs', () => {
    expect(ldif).toContain('{{BASE_DN}}');
    const expanded = expandPlaceholders(ldif, 'test');
    expect(expanded).not.toContain('{{BASE_DN}}');
    expect(expanded).toContain(`dn: ${D.users.alice.dn}\n`);
    expect(expanded).toContain(`primaryGroupID: {{RID:${D.groups.contractors.dn}}}`);
  });

  it('creates every member before the group that lists it', () => {
    const seen = new Set<string>();
    for (const record of all) {
      for (const line of record.filter((candidate) => candidate.startsWith('member: '))) {
        expect(seen).toContain(line.slice('member: '.length));
      }
      seen.add(dnOf(record));
    }
  });

  it('gives Big Group the 2,000 bulk users and everyone else a mail', () => {
    const bigGroup = all.find(
      (record) => record[0] === 'dn: CN=Big Group,OU=Groups,OU=Sync,{{BASE_DN}}',
    );
    expect(bigGroup?.filter((line) => line.startsWith('member: '))).toHaveLength(2_000);
    const users = all.filter((record) => record.includes('objectClass: user'));
    // 2,000 bulk + alice, bob, carol, dave, frank, erin, outsider + the service account.
    expect(users).toHaveLength(2_008);
    const withoutMail = users.filter((record) => !record.some((line) => line.startsWith('mail: ')));
    expect(withoutMail.map(dnOf)).toEqual(['CN=BWDC Sync,CN=Users,{{BASE_DN}}']);
  });

  it('deletes erin and WS02 last, after creating them with a mail', () => {
    const deletes = all.filter((record) => record.includes('changetype: delete')).map(dnOf);
    expect(deletes).toEqual([
      'CN=Erin Evans,OU=Users,OU=Sync,{{BASE_DN}}',
      'CN=WS02,OU=Users,OU=Sync,{{BASE_DN}}',
    ]);
    expect(all.slice(-2).map(dnOf)).toEqual(deletes);
  });

  it('describes Contractors as frank’s primary group with no direct member', () => {
    expect(D.groups.contractors.members).toEqual([]);
    expect(D.groups.contractors.primaryGroupMembers).toEqual([D.users.frank.dn]);
    expect(D.users.bob.userAccountControl & 0x2).toBe(0x2);
  });
});

describe('expandPlaceholders', () => {
  it('replaces the domain names and leaves RID placeholders to the loader', () => {
    expect(
      expandPlaceholders(
        '{{BASE_DN}} {{DNS_DOMAIN}} {{REALM}} {{NETBIOS_DOMAIN}} {{RID:CN=x}}',
        's',
      ),
    ).toBe('DC=ad,DC=bitwarden,DC=test ad.bitwarden.test AD.BITWARDEN.TEST BWTEST {{RID:CN=x}}');
  });

  it('rejects unknown placeholders', () => {
    expect(() => expandPlaceholders('dn: {{BASEDN}}', 'a.ldif')).toThrow(
      'a.ldif: unknown placeholder {{BASEDN}}',
    );
    expect(() => expandPlaceholders('dn: {{sid:x}}', 'a.ldif')).toThrow(/\{\{sid:x\}\}/);
  });
});

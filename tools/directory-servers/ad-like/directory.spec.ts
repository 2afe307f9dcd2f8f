import { buildDirectory, inScope } from './directory';
import { dnKey } from './dn';
import { BASE_DN, GROUPS_OU, USERS_OU, group, userDn, users } from './test-directory';

describe('buildDirectory', () => {
  const directory = buildDirectory(BASE_DN, [...users(2), group('Staff', [userDn(1), userDn(2)])]);

  it('adds the domain root and every missing parent, parents first', () => {
    expect(directory.entries.map((entry) => entry.dn)).toEqual([
      BASE_DN,
      `OU=Sync,${BASE_DN}`,
      USERS_OU,
      userDn(1),
      userDn(2),
      GROUPS_OU,
      `CN=Staff,${GROUPS_OU}`,
    ]);
    expect(directory.byKey.get(dnKey(USERS_OU))?.attributes.get('objectclass')?.values).toEqual([
      'top',
      'organizationalUnit',
    ]);
    expect(directory.byKey.get(dnKey(BASE_DN))?.attributes.get('objectclass')?.values).toEqual([
      'top',
      'domain',
      'domainDNS',
    ]);
  });

  it('computes memberOf from the groups and adds distinguishedName', () => {
    const user = directory.byKey.get(dnKey(userDn(2)));
    expect(user?.attributes.get('memberof')).toEqual({
      name: 'memberOf',
      values: [`CN=Staff,${GROUPS_OU}`],
    });
    expect(user?.attributes.get('distinguishedname')?.values).toEqual([userDn(2)]);
  });

  it('refuses entries outside the base, duplicates and a memberOf written by hand', () => {
    expect(() => buildDirectory(BASE_DN, [{ dn: 'CN=x,DC=other', attributes: {} }])).toThrow(
      'is not under',
    );
    expect(() =>
      buildDirectory(BASE_DN, [
        { dn: `CN=x,${BASE_DN}`, attributes: {} },
        { dn: `cn=X, dc=AD,dc=example,dc=org`, attributes: {} },
      ]),
    ).toThrow('given twice');
    expect(() =>
      buildDirectory(BASE_DN, [{ dn: `CN=x,${BASE_DN}`, attributes: { memberOf: 'CN=g' } }]),
    ).toThrow('back-link');
  });
});

describe('inScope', () => {
  const directory = buildDirectory(BASE_DN, users(1));
  const inScopeOf = (base: string, scope: 'base' | 'one' | 'sub' | 'children'): string[] =>
    directory.entries
      .filter((entry) => inScope(entry, dnKey(base), scope))
      .map((entry) => entry.dn);

  it('selects the base, its children, or its whole subtree', () => {
    const sync = `OU=Sync,${BASE_DN}`;
    expect(inScopeOf(sync, 'base')).toEqual([sync]);
    expect(inScopeOf(sync, 'one')).toEqual([USERS_OU]);
    expect(inScopeOf(sync, 'sub')).toEqual([sync, USERS_OU, userDn(1)]);
    expect(inScopeOf(sync, 'children')).toEqual([USERS_OU, userDn(1)]);
  });

  it('ignores case and blanks in the base DN', () => {
    expect(inScopeOf('ou=users , ou=SYNC,dc=ad,dc=example,dc=org', 'one')).toEqual([userDn(1)]);
  });
});

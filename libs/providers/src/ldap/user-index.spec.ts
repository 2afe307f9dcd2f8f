import type { DirectoryUser } from '@bwdc/core';

import { UserIndex } from './user-index';

function user(dn: string, externalId: string): DirectoryUser {
  return {
    externalId,
    referenceId: dn,
    email: `${externalId}@example.com`,
    disabled: false,
    deleted: false,
  };
}

function indexOf(...users: [dn: string, externalId: string, uid?: string][]): UserIndex {
  const index = new UserIndex();
  for (const [dn, externalId, uid] of users) {
    index.add(user(dn, externalId), { uid });
  }
  return index;
}

/** What `resolve` answers for a value that names this user. */
function found(externalId: string): { kind: 'user'; externalId: string } {
  return { kind: 'user', externalId };
}

describe('UserIndex.resolve', () => {
  const index = indexOf(
    ['cn=Ada Lovelace,ou=People,dc=example,dc=com', 'ada', 'alovelace'],
    ['CN=Bob\\, Jr.,OU=People,DC=example,DC=com', 'bob'],
  );

  it('finds a user by the DN exactly as the server sent it', () => {
    expect(index.resolve('cn=Ada Lovelace,ou=People,dc=example,dc=com')).toEqual(found('ada'));
    expect(index.resolve('CN=Bob\\, Jr.,OU=People,DC=example,DC=com')).toEqual(found('bob'));
  });

  it('finds a user by the same DN written with other case, spacing or escapes', () => {
    expect(index.resolve('CN=ada lovelace, OU=people,DC=Example,DC=COM')).toEqual(found('ada'));
    expect(index.resolve('cn=bob\\2C jr.,ou=people,dc=example,dc=com')).toEqual(found('bob'));
  });

  it("drops a uniqueMember's unique-identifier suffix", () => {
    expect(index.resolve("cn=Ada Lovelace,ou=People,dc=example,dc=com#'0101'B")).toEqual(
      found('ada'),
    );
  });

  it('hands back any other DN normalised, as a possible nested group', () => {
    expect(index.resolve('CN=Admins, OU=Groups,DC=example,DC=com')).toEqual({
      kind: 'dn',
      normalisedDn: 'cn=admins,ou=groups,dc=example,dc=com',
    });
  });

  it('finds a memberUid by uid, case-insensitively, and reports an unknown one', () => {
    expect(index.resolve(' ALovelace ')).toEqual(found('ada'));
    expect(index.resolve('nobody')).toEqual({ kind: 'unknown-uid' });
  });
});

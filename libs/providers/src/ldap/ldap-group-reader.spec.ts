import type { Entry } from 'ldapts';

import { MAX_MEMBER_VALUES_AHEAD, readGroups } from './ldap-group-reader';
import type { LdapProviderOptions } from './ldap-provider-options';
import type { LdapSearch } from './ldap-search';
import { LdapDirectorySettingsSchema, LdapSyncSettingsSchema } from './ldap-settings';
import { UserIndex } from './user-index';

const options: LdapProviderOptions = {
  directory: LdapDirectorySettingsSchema.parse({
    hostname: 'ldap.example.com',
    rootPath: 'dc=example,dc=com',
    ad: false,
  }),
  sync: {
    ...LdapSyncSettingsSchema.parse({
      groupObjectClass: 'groupOfNames',
      groupNameAttribute: 'cn',
      memberAttribute: 'member',
    }),
    users: true,
    groups: true,
    userFilter: null,
    groupFilter: null,
  },
  password: 'secret',
};

const ALICE = 'cn=alice,ou=people,dc=example,dc=com';

/** Groups that each list Alice `size` times, and how many of them the reader has taken. */
function groupSearch(groups: number, size: number): { search: LdapSearch; taken: () => number } {
  let taken = 0;
  const search = {
    async *entries(): AsyncGenerator<Entry> {
      for (let index = 0; index < groups; index += 1) {
        taken += 1;
        yield {
          dn: `cn=g${index},ou=groups,dc=example,dc=com`,
          cn: `g${index}`,
          member: Array(size).fill(ALICE),
        };
      }
    },
  };
  return { search: search as unknown as LdapSearch, taken: () => taken };
}

const ticks = async (count: number): Promise<void> => {
  for (let tick = 0; tick < count; tick += 1) {
    await new Promise((resolve) => setImmediate(resolve));
  }
};

describe('readGroups while the users are still being read', () => {
  it('reads ahead a bounded number of member values, then waits for the users', async () => {
    const size = MAX_MEMBER_VALUES_AHEAD / 5;
    const { search, taken } = groupSearch(10, size);
    let usersRead: (users: UserIndex) => void = () => undefined;
    const users = new Promise<UserIndex>((resolve) => (usersRead = resolve));

    const reading = readGroups(search, options, users);
    await ticks(20);
    const takenBeforeUsers = taken();
    const index = new UserIndex();
    index.add(
      {
        externalId: ALICE,
        referenceId: ALICE,
        email: 'alice@example.com',
        disabled: false,
        deleted: false,
      },
      {},
    );
    usersRead(index);
    const { groups } = await reading;

    // Five groups reach the bound; the sixth is taken and waits with the users.
    expect(takenBeforeUsers).toBe(6);
    expect(groups.map((group) => group.name)).toEqual(
      Array.from({ length: 10 }, (_, index) => `g${index}`),
    );
    expect(groups.every((group) => group.userMemberExternalIds.length === size)).toBe(true);
  });

  it('fails with the user read when that fails', async () => {
    const { search } = groupSearch(3, 1);

    await expect(
      readGroups(search, options, Promise.reject(new Error('users failed'))),
    ).rejects.toThrow('users failed');
  });
});

import type { Entry } from 'ldapts';

import type { LdapProviderOptions } from './ldap-provider-options';
import type { LdapSearch, SubtreeSearch } from './ldap-search';
import { LdapDirectorySettingsSchema, LdapSyncSettingsSchema } from './ldap-settings';
import { readUsers } from './ldap-user-reader';

function options(memberAttribute: string, groups = true): LdapProviderOptions {
  return {
    directory: LdapDirectorySettingsSchema.parse({
      hostname: 'ldap.example.com',
      rootPath: 'dc=example,dc=com',
      ad: false,
    }),
    sync: {
      ...LdapSyncSettingsSchema.parse({ userEmailAttribute: 'mail', memberAttribute }),
      users: true,
      groups,
      userFilter: null,
      groupFilter: null,
    },
    password: 'secret',
  };
}

/** The attributes the user search asks for. */
async function userAttributes(settings: LdapProviderOptions): Promise<readonly string[]> {
  const searches: SubtreeSearch[] = [];
  const search = {
    // eslint-disable-next-line require-yield -- no entries: only the request matters here.
    async *entries(request: SubtreeSearch): AsyncGenerator<Entry> {
      searches.push(request);
    },
  } as unknown as LdapSearch;
  await readUsers(search, settings);
  return searches[0]?.attributes ?? [];
}

describe('the user search', () => {
  it('asks for uid only when a group may name its members by uid', async () => {
    expect(await userAttributes(options('memberUid'))).toEqual(['mail', 'uid']);
    expect(await userAttributes(options('member'))).toEqual(['mail']);
    expect(await userAttributes(options('uniqueMember'))).toEqual(['mail']);
    expect(await userAttributes(options('memberUid', false))).toEqual(['mail']);
  });
});

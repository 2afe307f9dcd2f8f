import { planSync, type DirectorySnapshot } from '@bwdc/core';
import {
  startAdLikeLdapServer,
  type AdLikeEntry,
  type RunningAdLikeLdapServer,
} from '@bwdc/directory-servers';

import { objectGuidToString } from './active-directory';
import { LdapDirectoryProvider } from './ldap-directory-provider';
import { LdapError } from './ldap-error';
import type { LdapProviderOptions } from './ldap-provider-options';
import {
  LdapDirectorySettingsSchema,
  LdapSyncSettingsSchema,
  applyActiveDirectoryPresets,
} from './ldap-settings';

/**
 * What Samba cannot show: Windows AD caps `member` at MaxValRange values per answer and pages at
 * MaxPageSize entries whatever the client asks. The in-process AD-like server answers that way.
 */
const BASE_DN = 'DC=ad,DC=example,DC=org';
const USERS_OU = `OU=Users,OU=Sync,${BASE_DN}`;
const GROUPS_OU = `OU=Groups,OU=Sync,${BASE_DN}`;
const PERSON = `CN=Person,CN=Schema,CN=Configuration,${BASE_DN}`;
const GROUP = `CN=Group,CN=Schema,CN=Configuration,${BASE_DN}`;
const ACCOUNT = {
  dn: `CN=svc-sync,CN=Users,${BASE_DN}`,
  upn: 'svc-sync@ad.example.org',
  password: 'Sync#Secret1',
};
const USER_COUNT = 4_000;

function guid(index: number): Buffer {
  const bytes = Buffer.alloc(16, 0x5a);
  bytes.writeUInt32BE(index, 12);
  return bytes;
}

const userDn = (index: number): string => `CN=user${index},${USERS_OU}`;

function user(index: number): AdLikeEntry {
  return {
    dn: userDn(index),
    attributes: {
      objectClass: ['top', 'person', 'organizationalPerson', 'user'],
      objectCategory: PERSON,
      cn: `user${index}`,
      sAMAccountName: `user${index}`,
      mail: `user${index}@ad.example.org`,
      userAccountControl: '512',
      objectGUID: guid(index),
    },
  };
}

function group(name: string, memberIndexes: readonly number[], index: number): AdLikeEntry {
  return {
    dn: `CN=${name},${GROUPS_OU}`,
    attributes: {
      objectClass: ['top', 'group'],
      objectCategory: GROUP,
      cn: name,
      name,
      sAMAccountName: name,
      member: memberIndexes.map(userDn),
      objectGUID: guid(100_000 + index),
    },
  };
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, offset) => from + offset);

function settings(server: RunningAdLikeLdapServer): LdapProviderOptions {
  const { directory, sync } = applyActiveDirectoryPresets(
    LdapDirectorySettingsSchema.parse({
      hostname: '127.0.0.1',
      port: server.port,
      rootPath: BASE_DN,
      username: ACCOUNT.upn,
      ad: true,
      // Asks for more than AD's MaxPageSize: the server's cap must not end the read early.
      pageSize: 5_000,
    }),
    LdapSyncSettingsSchema.parse({ userPath: 'OU=Users,OU=Sync', groupPath: 'OU=Groups,OU=Sync' }),
  );
  return {
    directory,
    sync: { ...sync, users: true, groups: true, userFilter: null, groupFilter: null },
    password: ACCOUNT.password,
  };
}

const read = (options: LdapProviderOptions): Promise<DirectorySnapshot> =>
  new LdapDirectoryProvider(options).read({
    mode: 'full',
    dryRun: true,
    cursor: null,
    startedAt: new Date(),
  });

describe('LdapDirectoryProvider against an LDAP server that answers as Windows AD does', () => {
  let server: RunningAdLikeLdapServer;

  beforeAll(async () => {
    server = await startAdLikeLdapServer({
      baseDn: BASE_DN,
      bind: ACCOUNT,
      entries: [
        ...range(1, USER_COUNT).map(user),
        group('Everyone', range(1, 3_700), 1),
        group('Exactly MaxValRange', range(1, 1_500), 2),
        group('Small', [1, 2, 3], 3),
      ],
    });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('reads every member of groups above MaxValRange by following member;range=…', async () => {
    const snapshot = await read(settings(server));

    const plan = planSync({
      users: snapshot.users,
      groups: snapshot.groups,
      options: {
        overwriteExisting: false,
        removeDisabled: false,
        largeImport: true,
        inviteUsersAfterProvisioning: false,
      },
      destination: { organizationId: 'org', apiUrl: 'https://api.example.com' },
      previousFingerprint: null,
    });
    const members = Object.fromEntries(
      plan.groups.map((entry) => [entry.name, entry.memberExternalIds]),
    );
    expect(members['Everyone']).toEqual(
      range(1, 3_700)
        .map((index) => objectGuidToString(guid(index)))
        .sort(),
    );
    expect(members['Exactly MaxValRange']).toHaveLength(1_500);
    expect(members['Small']).toHaveLength(3);

    const continuations = server.requests
      .filter(
        (request) =>
          request.scope === 'base' && request.attributes.some((name) => name.includes(';range=')),
      )
      .map((request) => [request.base, request.attributes]);
    expect(continuations).toEqual([
      [`CN=Everyone,${GROUPS_OU}`, ['member;range=1500-*']],
      [`CN=Everyone,${GROUPS_OU}`, ['member;range=3000-*']],
    ]);
  });

  it('reads every user although AD hands out at most 1,000 entries per page', async () => {
    const snapshot = await read(settings(server));

    expect(snapshot.users).toHaveLength(USER_COUNT);
    const userPages = server.requests.filter(
      (request) => request.base === USERS_OU && request.paged !== null,
    );
    expect(userPages.length).toBeGreaterThanOrEqual(USER_COUNT / 1_000);
    expect(userPages.every((request) => request.result.entries <= 1_000)).toBe(true);
  });

  it('asks AD for people only and no system accounts', async () => {
    await read(settings(server));

    const userSearch = server.requests.find((request) => request.base === USERS_OU);
    expect(userSearch?.filter).toBe(
      '(&(objectCategory=person)(objectClass=user)(!(isCriticalSystemObject=TRUE)))',
    );
  });

  it('goes on without deleted users when Deleted Objects cannot be read, and says so', async () => {
    // This server has no Deleted Objects container: AD answers noSuchObject, as it does to an
    // account without the right to list it.
    const snapshot = await read(settings(server));

    expect(snapshot.users).toHaveLength(USER_COUNT);
    expect(snapshot.notices).toEqual([
      expect.objectContaining({ kind: 'deleted-users-unavailable' }),
    ]);
  });

  it('names the server when the bind is refused', async () => {
    const failure = read({ ...settings(server), password: 'wrong' });

    await expect(failure).rejects.toBeInstanceOf(LdapError);
    await expect(failure).rejects.toMatchObject({ code: 'LDAP_BIND_FAILED' });
  });
});

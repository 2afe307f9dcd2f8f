import { readFileSync } from 'node:fs';

import { startBitwardenServer } from '@bwdc/bitwarden-server';
import {
  BitwardenClient,
  clientDeviceFor,
  planSync,
  type DirectoryCursor,
  type DirectoryUser,
  type DirectorySnapshot,
  type SyncPlan,
} from '@bwdc/core';
import {
  AD_TEST_DIRECTORY as AD,
  adTestDirectoryLdif,
  startSambaAd,
  type RunningSambaAd,
} from '@bwdc/directory-servers';
import { Attribute, Change, Client, Control } from 'ldapts';

import { objectGuidToString, SHOW_DELETED_CONTROL_OID } from './active-directory';
import { openLdapConnection } from './ldap-connection';
import { LdapDirectoryProvider } from './ldap-directory-provider';
import type { LdapProviderOptions, LdapSyncScope } from './ldap-provider-options';
import { LdapSearch } from './ldap-search';
import {
  LdapDirectorySettingsSchema,
  LdapSyncSettingsSchema,
  applyActiveDirectoryPresets,
  type LdapDirectorySettings,
} from './ldap-settings';
import { allRangedValues, rangedChunk } from './range-retrieval';

/**
 * The provider against a real Samba AD DC seeded with the standard test directory
 * (tools/directory-servers/samba-ad/test-directory.ts): GUIDs, disabled and deleted users,
 * nesting, a 2,000-member group, computers, contacts, built-ins, primary groups.
 */
describe('LdapDirectoryProvider on a real Samba AD DC', () => {
  let server: RunningSambaAd;

  beforeAll(async () => {
    server = await startSambaAd({ seed: { ldif: adTestDirectoryLdif() } });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  }, 60_000);

  /** Upstream's AD settings over LDAPS, bound as the Administrator, synced below OU=Sync. */
  function settings(
    directory: Partial<LdapDirectorySettings> = {},
    sync: Partial<LdapSyncScope> = {},
  ): LdapProviderOptions {
    const adjusted = applyActiveDirectoryPresets(
      LdapDirectorySettingsSchema.parse({
        hostname: '127.0.0.1',
        port: Number(new URL(server.ldapsUrl).port),
        ssl: true,
        sslCaPath: server.caCertPath,
        rootPath: server.baseDn,
        username: server.admin.upn,
        ad: true,
        ...directory,
      }),
      LdapSyncSettingsSchema.parse({ userPath: 'OU=Sync', groupPath: 'OU=Groups,OU=Sync' }),
    );
    return {
      directory: adjusted.directory,
      sync: {
        ...adjusted.sync,
        users: true,
        groups: true,
        userFilter: null,
        groupFilter: null,
        ...sync,
      },
      password: server.admin.password,
    };
  }

  const read = (
    options: LdapProviderOptions,
    cursor: DirectoryCursor | null = null,
    startedAt = new Date(),
  ): Promise<DirectorySnapshot> =>
    new LdapDirectoryProvider(options).read({
      mode: cursor ? 'delta' : 'full',
      dryRun: false,
      cursor,
      startedAt,
    });

  const planOf = (snapshot: DirectorySnapshot): SyncPlan =>
    planSync({
      users: snapshot.users,
      groups: snapshot.groups,
      notices: snapshot.notices ?? [],
      options: {
        overwriteExisting: false,
        removeDisabled: false,
        largeImport: true,
        inviteUsersAfterProvisioning: false,
      },
      destination: { organizationId: ORG_ID, apiUrl: 'https://api.example.com' },
      previousFingerprint: null,
    });

  /** An LDAPS client bound as the Administrator, for reading raw attributes and making changes. */
  async function withAdmin<T>(use: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ url: server.ldapsUrl, tlsOptions: { ca: [caPem()] } });
    try {
      await client.bind(server.admin.upn, server.admin.password);
      return await use(client);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  const caPem = (): Buffer => readFileSync(server.caCertPath);

  async function guidOf(dn: string, deleted = false): Promise<string> {
    return withAdmin(async (client) => {
      const { searchEntries } = await client.search(
        deleted ? `CN=Deleted Objects,${server.baseDn}` : dn,
        {
          scope: deleted ? 'one' : 'base',
          filter: deleted
            ? `(&(isDeleted=TRUE)(sAMAccountName=${AD.deletedUser.sAMAccountName}))`
            : '(objectClass=*)',
          attributes: ['objectGUID'],
          explicitBufferAttributes: ['objectGUID'],
        },
        deleted ? [new Control(SHOW_DELETED_CONTROL_OID, { critical: true })] : [],
      );
      const guid = searchEntries[0]?.['objectGUID'];
      if (!Buffer.isBuffer(guid)) {
        throw new Error(`no objectGUID for ${dn}`);
      }
      return objectGuidToString(guid);
    });
  }

  const byEmail = (snapshot: DirectorySnapshot) =>
    new Map<string | null | undefined, DirectoryUser>(
      snapshot.users.map((user) => [user.email, user]),
    );

  describe('a full read', () => {
    let snapshot: DirectorySnapshot;
    let plan: SyncPlan;

    beforeAll(async () => {
      snapshot = await read(settings());
      plan = planOf(snapshot);
    }, 60_000);

    it('uses objectGUID, in upstream’s format, as the external id', async () => {
      const alice = byEmail(snapshot).get(AD.users.alice.mail);

      expect(alice?.externalId).toBe(await guidOf(AD.users.alice.dn));
      expect(alice?.referenceId).toBe(AD.users.alice.dn);
      expect(
        snapshot.users.every((user) =>
          /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(user.externalId),
        ),
      ).toBe(true);
    });

    it('flags the disabled user and only that one', () => {
      const disabled = snapshot.users.filter((user) => user.disabled).map((user) => user.email);

      expect(disabled).toEqual([AD.users.bob.mail]);
    });

    it('reports the deleted user by its external id, without the email its tombstone lost', async () => {
      const deleted = snapshot.users.filter((user) => user.deleted);

      expect(deleted).toEqual([
        expect.objectContaining({
          externalId: await guidOf(AD.deletedUser.dn, true),
          deleted: true,
        }),
      ]);
      expect(plan.users.find((user) => user.deleted)).toMatchObject({ email: null });
    });

    it('syncs people only: no computer, contact or built-in account', () => {
      const emails = [...byEmail(snapshot).keys()];

      expect(emails).not.toContain(AD.computer.mail);
      expect(emails).not.toContain(AD.contact.mail);
      expect(snapshot.users).toHaveLength(
        Object.keys(AD.users).length + AD.bulkUsers.count + 1, // + the deleted user
      );
    });

    it('flattens nested groups, cycles included', () => {
      const members = namedMembers(plan, snapshot);

      expect(members['Everyone']).toEqual(emails(AD.users.alice, AD.users.carol, AD.users.dave));
      expect(members['Engineering']).toEqual(emails(AD.users.alice, AD.users.carol));
      expect(members['Cycle A']).toEqual(emails(AD.users.carol));
      expect(members['Cycle B']).toEqual(emails(AD.users.carol));
    });

    it('reads the 2,000-member group complete', () => {
      expect(namedMembers(plan, snapshot)['Big Group']).toHaveLength(AD.bulkUsers.count);
    });

    it('includes a group’s primary-group members, which AD keeps out of member', () => {
      expect(namedMembers(plan, snapshot)['Contractors']).toEqual(emails(AD.users.frank));
    });

    it('lists a member outside the synced users in the run report, with the reason', () => {
      expect(plan.notices).toContainEqual({
        kind: 'member-out-of-scope',
        group: 'Engineering',
        member: AD.outsider.dn,
        reason: 'outside-user-path',
      });
    });
  });

  it('skips the built-in accounts over the whole domain unless told to include them', async () => {
    const whole = { userPath: null, groups: false };

    const byDefault = byEmail(await read(settings({}, whole)));
    const included = byEmail(await read(settings({ includeSystemAccounts: true }, whole)));

    expect(byDefault.has(AD.administrator.mail)).toBe(false);
    expect(included.has(AD.administrator.mail)).toBe(true);
    expect(byDefault.has(AD.computer.mail) || included.has(AD.computer.mail)).toBe(false);
    expect(byDefault.has(AD.contact.mail) || included.has(AD.contact.mail)).toBe(false);
  }, 60_000);

  it('explains that AD wants TLS when asked for a plain bind', async () => {
    const failure = read(settings({ ssl: false, port: Number(new URL(server.url).port) }));

    await expect(failure).rejects.toMatchObject({
      code: 'LDAP_BIND_FAILED',
      message: expect.stringContaining('unencrypted'),
    });
  });

  it('binds over StartTLS as well, with a DOMAIN\\user name', async () => {
    const snapshot = await read(
      settings(
        {
          ssl: true,
          startTls: true,
          tlsCaPath: server.caCertPath,
          port: Number(new URL(server.url).port),
          username: `${server.domain.netbiosDomain}\\Administrator`,
        },
        { groups: false },
      ),
    );

    expect(snapshot.users.length).toBeGreaterThan(AD.bulkUsers.count);
  }, 60_000);

  it('leaves primary-group members out when the setting is off', async () => {
    const snapshot = await read(
      settings({ primaryGroupMembers: false }, { groupFilter: '(cn=Contractors)' }),
    );

    expect(snapshot.groups.map((group) => [group.name, group.userMemberExternalIds])).toEqual([
      ['Contractors', []],
    ]);
  }, 60_000);

  it('continues explicit member ranges on Samba the way Windows AD needs them continued', async () => {
    const options = settings();
    const connection = await openLdapConnection(options.directory, options.password);
    try {
      const search = new LdapSearch(connection.client, connection.url, 500);
      const dn = AD.groups.bigGroup.dn;
      const first = rangedChunk(await search.entry(dn, ['member;range=0-1499']), 'member');
      const asked: string[] = [];

      const values = await allRangedValues(first, 'member', (next) => {
        asked.push(next);
        return search.entry(dn, [next]);
      });

      expect(first.values).toHaveLength(1500);
      expect(asked).toEqual(['member;range=1500-*']);
      expect(new Set(values.map(String))).toEqual(
        new Set(
          Array.from({ length: AD.bulkUsers.count }, (_, index) => AD.bulkUsers.dn(index + 1)),
        ),
      );
    } finally {
      await connection.close();
    }
  }, 60_000);

  it('returns only the changed user on an incremental run', async () => {
    const options = settings();
    const first = await read(options);
    // whenChanged has whole seconds: keep the last read and the change apart.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await withAdmin((client) =>
      client.modify(
        AD.users.carol.dn,
        new Change({
          operation: 'replace',
          modification: new Attribute({ type: 'title', values: ['Changed'] }),
        }),
      ),
    );

    const delta = await read(options, first.cursor);

    expect(delta.users.map((user) => user.email)).toEqual([AD.users.carol.mail]);
    expect(delta.groups).toEqual([]);
  }, 60_000);

  it('sends a user deleted since the last sync as deleted on a plain sync, removing the member', async () => {
    const gina = `CN=Gina Green,${AD.usersOu}`;
    const ginaMail = 'gina@bitwarden.test';
    // whenChanged has whole seconds and runs overlap by design: keep the earlier tests' changes
    // out of this test's delta.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await withAdmin((client) =>
      client.add(gina, {
        objectClass: 'user',
        sAMAccountName: 'gina',
        mail: ginaMail,
        userAccountControl: '544',
      }),
    );
    const bitwarden = await startBitwardenServer({
      seed: {
        organizations: [
          {
            id: ORG_ID,
            apiKey: API_KEY.clientSecret,
            members: [{ email: 'owner@example.com', type: 'owner', status: 'confirmed' }],
            groups: [],
          },
        ],
      },
    });
    try {
      const client = new BitwardenClient({
        urls: { apiUrl: bitwarden.apiUrl, identityUrl: bitwarden.identityUrl },
        apiKey: API_KEY,
        device: clientDeviceFor('linux', 'c0ffee00-0000-4000-8000-000000000002', '2026.11.0'),
      });
      await client.login();
      const options = settings({}, { groups: false });
      const first = await read(options);
      await client.importRequests(planOf(first).requests);
      const ginaId = byEmail(first).get(ginaMail)?.externalId;
      expect(bitwarden.organization(ORG_ID).members.map((member) => member.externalId)).toContain(
        ginaId,
      );

      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await withAdmin((ldap) => ldap.del(gina));
      const delta = await read(options, first.cursor);
      const plan = planOf(delta);

      expect(plan.requests.flatMap((request) => request.members)).toEqual([
        { email: null, externalId: ginaId, deleted: true },
      ]);
      await client.importRequests(plan.requests);
      expect(
        bitwarden.organization(ORG_ID).members.map((member) => member.externalId),
      ).not.toContain(ginaId);
    } finally {
      await bitwarden.stop();
    }
  }, 120_000);
});

const ORG_ID = '3f1e7a52-8c4d-4b6e-9a0f-1d2c3b4a5e6f';
const API_KEY = {
  clientId: `organization.${ORG_ID}`,
  clientSecret: 'k3yS3cr3tThirtyCharactersLong0',
};

const emails = (...users: readonly { readonly mail?: string }[]): string[] =>
  users.map((user) => user.mail ?? '').sort();

/** Each group's flattened members, by email. */
function namedMembers(plan: SyncPlan, snapshot: DirectorySnapshot): Record<string, string[]> {
  const emailOf = new Map(snapshot.users.map((user) => [user.externalId, user.email ?? '']));
  return Object.fromEntries(
    plan.groups.map((group) => [
      group.name,
      group.memberExternalIds.map((id) => emailOf.get(id) ?? id).sort(),
    ]),
  );
}

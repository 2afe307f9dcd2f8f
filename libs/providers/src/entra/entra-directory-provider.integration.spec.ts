import type {
  DirectoryCursor,
  DirectoryReadRequest,
  DirectoryUser,
  ReadProgress,
} from '@bwdc/core';

// The entra emulator is not exported from @bwdc/directory-emulators yet (a shared file); once it
// is, import it from there and drop this line.
import {
  UPSTREAM_TENANT_IDS as IDS,
  startEntraEmulator,
  upstreamTestTenant,
  type EntraEmulator,
} from '@bwdc/directory-emulators';
import { EntraDirectoryProvider } from './entra-directory-provider';
import { EntraError } from './entra-error';
import type { EntraSyncScope } from './entra-provider-options';
import { EntraDirectorySettingsSchema } from './entra-settings';
import { DEFAULT_GRAPH_RETRY } from './graph-retry';

const { users: U, groups: G } = IDS;

let emulator: EntraEmulator;

beforeAll(async () => {
  emulator = await startEntraEmulator({ tenants: [upstreamTestTenant()] });
});

afterAll(async () => {
  await emulator.stop();
});

beforeEach(() => {
  emulator.requests.length = 0;
});

function provider(
  sync: Partial<EntraSyncScope> = {},
  key: string = IDS.clientSecret,
): EntraDirectoryProvider {
  return new EntraDirectoryProvider({
    directory: EntraDirectorySettingsSchema.parse({
      identityAuthority: emulator.url,
      graphUrl: emulator.graphUrl,
      tenant: IDS.tenant,
      applicationId: IDS.clientId,
    }),
    sync: {
      users: true,
      groups: true,
      userFilter: null,
      groupFilter: null,
      removeDisabled: false,
      ...sync,
    },
    key,
    ca: emulator.caPem,
    retry: { ...DEFAULT_GRAPH_RETRY, baseDelayMs: 5, maxDelayMs: 20 },
  });
}

function request(
  cursor: DirectoryCursor | null = null,
  onProgress?: (progress: ReadProgress) => void,
): DirectoryReadRequest {
  return {
    mode: cursor ? 'delta' : 'full',
    dryRun: false,
    cursor,
    startedAt: new Date('2026-11-26T04:00:00Z'),
    ...(onProgress ? { onProgress } : {}),
  };
}

const active = (users: readonly DirectoryUser[]) =>
  users.filter((user) => !user.deleted).map((user) => user.email);

const ALL_CURRENT = [
  'amarshall@bwrox.dev',
  'bwilliams@bwrox.dev',
  'cjones@bwrox.dev',
  'dlee@bwrox.dev',
  'emiller@bwrox.dev',
  'fgarcia@bwrox.dev',
  'hgonzalez@bwrox.dev',
];

describe('EntraDirectoryProvider against the Entra emulator (msal-node + Graph v1.0)', () => {
  it('reads every user and group: UPN fallback, disabled, deleted, guests counted, nesting', async () => {
    const snapshot = await provider().read(request());

    expect(active(snapshot.users).sort()).toEqual(ALL_CURRENT);
    expect(snapshot.users.find((user) => user.externalId === U.hgonzalez)?.email).toBe(
      'hgonzalez@bwrox.dev',
    );
    expect(
      snapshot.users
        .filter((user) => user.disabled)
        .map((user) => user.externalId)
        .sort(),
    ).toEqual([U.cjones, U.dlee, U.emiller].sort());
    expect(snapshot.users.filter((user) => user.deleted)).toEqual([
      {
        externalId: U.ideleted,
        referenceId: U.ideleted,
        email: null,
        disabled: false,
        deleted: true,
      },
    ]);
    expect(snapshot.skippedUsers).toEqual({ guest: 1, 'no-email': 0 });
    expect(snapshot.notices).toEqual([{ kind: 'users-skipped', reason: 'guest', count: 1 }]);
    expect(snapshot.groups).toEqual(
      expect.arrayContaining([
        {
          externalId: G.groupA,
          referenceId: G.groupA,
          name: 'Integration Testing Group A',
          userMemberExternalIds: [U.amarshall, U.bwilliams, U.cjones],
          groupMemberReferenceIds: [],
        },
        expect.objectContaining({ name: 'Integration Testing Group B', userMemberExternalIds: [] }),
        {
          externalId: G.engineering,
          referenceId: G.engineering,
          name: 'Engineering',
          userMemberExternalIds: [U.fgarcia, U.guest],
          groupMemberReferenceIds: [G.platform],
        },
      ]),
    );
    expect(snapshot.groups).toHaveLength(4);
    expect(snapshot.cursor.userDeltaToken).toMatch(
      new RegExp(`^${emulator.graphUrl}/v1\\.0/users/delta\\?\\$deltatoken=`),
    );
  });

  it('asks for the fields it uses and full pages ($select, $top=999) and logs in once', async () => {
    await provider().read(request());

    const users = emulator.requests.find((entry) => entry.url.startsWith('/v1.0/users?'));
    expect(decodeURIComponent(users?.url ?? '')).toContain(
      '$select=id,mail,userPrincipalName,accountEnabled,userType&$top=999',
    );
    const tokenCalls = emulator.requests.filter((entry) =>
      entry.url.includes('/oauth2/v2.0/token'),
    );
    expect(tokenCalls).toHaveLength(1);
    expect(emulator.requests.every((entry) => entry.status === 200)).toBe(true);
  });

  it('users only: no group is read', async () => {
    const snapshot = await provider({ groups: false }).read(request());

    expect(active(snapshot.users).sort()).toEqual(ALL_CURRENT);
    expect(snapshot.groups).toEqual([]);
    expect(emulator.requests.some((entry) => entry.url.startsWith('/v1.0/groups'))).toBe(false);
  });

  it('groups only: no user is read', async () => {
    const snapshot = await provider({ users: false }).read(request());

    expect(snapshot.users).toEqual([]);
    expect(snapshot.groups.map((group) => group.name).sort()).toEqual([
      'Engineering',
      'Integration Testing Group A',
      'Integration Testing Group B',
      'Platform',
    ]);
    expect(emulator.requests.some((entry) => entry.url.startsWith('/v1.0/users'))).toBe(false);
  });

  it('group filter include: exactly that group, and only its members as users', async () => {
    const snapshot = await provider({ groupFilter: 'include: Integration Testing Group A' }).read(
      request(),
    );

    expect(snapshot.groups.map((group) => group.name)).toEqual(['Integration Testing Group A']);
    expect(active(snapshot.users).sort()).toEqual([
      'amarshall@bwrox.dev',
      'bwilliams@bwrox.dev',
      'cjones@bwrox.dev',
    ]);
    // Deleted users always stay, so Bitwarden can remove them (upstream too).
    expect(snapshot.users.filter((user) => user.deleted).map((user) => user.externalId)).toEqual([
      U.ideleted,
    ]);
  });

  it('group filter exclude: every other group', async () => {
    const snapshot = await provider({
      groupFilter: 'exclude:integration testing group a,Integration Testing Group B',
    }).read(request());

    expect(snapshot.groups.map((group) => group.name).sort()).toEqual(['Engineering', 'Platform']);
  });

  it('user filter includeGroup|excludeGroup: the transitive members of one minus the other', async () => {
    const snapshot = await provider({
      groups: false,
      userFilter: `includeGroup:${G.groupA.toUpperCase()}|excludeGroup:${G.groupB}`,
    }).read(request());

    expect(active(snapshot.users).sort()).toEqual([
      'amarshall@bwrox.dev',
      'bwilliams@bwrox.dev',
      'cjones@bwrox.dev',
    ]);
  });

  it('user filter includeGroup follows nested groups; excludeGroup takes a nested group out', async () => {
    const included = await provider({
      groups: false,
      userFilter: `includeGroup:${G.engineering}`,
    }).read(request());
    expect(active(included.users).sort()).toEqual([
      'dlee@bwrox.dev',
      'fgarcia@bwrox.dev',
      'hgonzalez@bwrox.dev',
    ]);
    expect(included.skippedUsers.guest).toBe(1);

    const both = await provider({
      groups: false,
      userFilter: `includeGroup:${G.engineering}|excludeGroup:${G.platform}`,
    }).read(request());
    expect(active(both.users)).toEqual(['fgarcia@bwrox.dev']);
  });

  it('user filter includeGroup|exclude:email (case-insensitive)', async () => {
    const snapshot = await provider({
      groups: false,
      userFilter: `includeGroup:${G.groupA}|exclude:AMarshall@BWROX.dev`,
    }).read(request());

    expect(active(snapshot.users).sort()).toEqual(['bwilliams@bwrox.dev', 'cjones@bwrox.dev']);
  });

  it('user filter excludeGroup alone: everyone but its transitive members', async () => {
    const snapshot = await provider({
      groups: false,
      userFilter: `excludeGroup:${G.engineering}`,
    }).read(request());

    expect(active(snapshot.users).sort()).toEqual([
      'amarshall@bwrox.dev',
      'bwilliams@bwrox.dev',
      'cjones@bwrox.dev',
      'emiller@bwrox.dev',
    ]);
  });

  it('user filter include:/exclude: by email', async () => {
    const excluded = await provider({
      groups: false,
      userFilter: 'exclude: amarshall@bwrox.dev, BWILLIAMS@bwrox.dev',
    }).read(request());
    expect(active(excluded.users)).not.toContain('amarshall@bwrox.dev');
    expect(active(excluded.users)).not.toContain('bwilliams@bwrox.dev');
    expect(active(excluded.users)).toHaveLength(5);

    const included = await provider({
      groups: false,
      userFilter: 'include:fgarcia@bwrox.dev',
    }).read(request());
    expect(active(included.users)).toEqual(['fgarcia@bwrox.dev']);
  });

  it('group filter by administrative unit: the unit’s groups, matched by name', async () => {
    const included = await provider({
      groupFilter: `includeAdministrativeUnit:${IDS.administrativeUnits.europe}`,
    }).read(request());
    expect(included.groups.map((group) => group.name)).toEqual(['Engineering']);
    expect(active(included.users)).toEqual(['fgarcia@bwrox.dev']);

    const excluded = await provider({
      users: false,
      groupFilter: `excludeAdministrativeUnit:${IDS.administrativeUnits.europe}`,
    }).read(request());
    expect(excluded.groups.map((group) => group.name).sort()).toEqual([
      'Integration Testing Group A',
      'Integration Testing Group B',
      'Platform',
    ]);
  });

  it('with a group filter, disabled users outside the groups stay only with removeDisabled', async () => {
    const filter = { groupFilter: 'include:Integration Testing Group A' };
    const without = await provider(filter).read(request());
    expect(without.users.some((user) => user.externalId === U.emiller)).toBe(false);

    const withRemove = await provider({ ...filter, removeDisabled: true }).read(request());
    expect(withRemove.users.find((user) => user.externalId === U.emiller)?.disabled).toBe(true);
  });

  it('keeps the users deltaLink as the cursor and reports users deleted since', async () => {
    const emulatorOfOwn = await startEntraEmulator({ tenants: [upstreamTestTenant()] });
    try {
      const own = new EntraDirectoryProvider({
        directory: EntraDirectorySettingsSchema.parse({
          identityAuthority: emulatorOfOwn.url,
          graphUrl: emulatorOfOwn.graphUrl,
          tenant: IDS.tenant,
          applicationId: IDS.clientId,
        }),
        sync: {
          users: true,
          groups: false,
          userFilter: null,
          groupFilter: null,
          removeDisabled: false,
        },
        key: IDS.clientSecret,
        ca: emulatorOfOwn.caPem,
      });
      const first = await own.read(request());
      emulatorOfOwn.deleteUser(IDS.tenant, U.bwilliams);
      const second = await own.read(request(first.cursor));

      expect(second.users.filter((user) => user.deleted).map((user) => user.externalId)).toEqual([
        U.bwilliams,
      ]);
      expect(active(second.users)).not.toContain('bwilliams@bwrox.dev');
      expect(second.cursor.userDeltaToken).not.toBe(first.cursor.userDeltaToken);
      const followed = emulatorOfOwn.requests.filter((entry) => entry.url.includes('$deltatoken'));
      expect(followed).toHaveLength(1);

      // A stored link on another host is never called (the token would go there): a new round.
      const foreign = await own.read(
        request({
          ...first.cursor,
          userDeltaToken: 'https://graph.example.test/v1.0/users/delta?$deltatoken=1',
        }),
      );
      expect(
        foreign.users
          .filter((user) => user.deleted)
          .map((user) => user.externalId)
          .sort(),
      ).toEqual([U.bwilliams, U.ideleted].sort());
    } finally {
      await emulatorOfOwn.stop();
    }
  });

  it('tells progress with running counts and the final totals', async () => {
    const seen: ReadProgress[] = [];
    await provider().read(request(null, (progress) => seen.push(progress)));

    expect(seen.at(-1)).toEqual({ users: 7, groups: 4 });
  });

  it('rejects a bad client secret with a typed error naming the tenant and status, never the secret', async () => {
    const secret = 'wrong-secret-value';
    const failure = await provider({}, secret)
      .read(request())
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(EntraError);
    const error = failure as EntraError;
    expect(error.code).toBe('ENTRA_AUTH_FAILED');
    expect(error.side).toBe('directory');
    expect(error.message).toContain('bwrox.dev');
    expect(error.message).toContain('HTTP 401');
    expect(error.message).toContain('invalid_client');
    expect(error.details.status).toBe(401);
    expect(
      JSON.stringify({ ...error, message: error.message, remedy: error.remedy }),
    ).not.toContain(secret);
    expect(emulator.requests.some((entry) => entry.server === 'graph')).toBe(false);
  });

  it('an unknown group id in the filter fails the read with the call and the 404', async () => {
    const failure = await provider({
      userFilter: 'includeGroup:00000000-0000-4000-8000-00000000dead',
    })
      .read(request())
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(EntraError);
    expect((failure as EntraError).code).toBe('ENTRA_NOT_FOUND');
    expect((failure as EntraError).message).toContain(
      'GET /v1.0/groups/00000000-0000-4000-8000-00000000dead/transitiveMembers',
    );
    expect((failure as EntraError).details.status).toBe(404);
  });

  it('without the emulator’s CA the TLS failure is named (by default only Node’s bundled CAs are trusted)', async () => {
    const untrusting = new EntraDirectoryProvider({
      directory: EntraDirectorySettingsSchema.parse({
        identityAuthority: emulator.url,
        graphUrl: emulator.graphUrl,
        tenant: IDS.tenant,
        applicationId: IDS.clientId,
      }),
      sync: {
        users: true,
        groups: true,
        userFilter: null,
        groupFilter: null,
        removeDisabled: false,
      },
      key: IDS.clientSecret,
    });

    const failure = await untrusting.read(request()).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(EntraError);
    expect((failure as EntraError).code).toBe('ENTRA_TLS_FAILED');
    expect((failure as EntraError).message).toContain(`tenant ${IDS.tenant}`);
    expect((failure as EntraError).remedy).toContain('entra.caPath');
  });

  it('an authority nobody listens on is reported unreachable', async () => {
    const stopped = await startEntraEmulator({ tenants: [upstreamTestTenant()] });
    await stopped.stop();
    const unreachable = new EntraDirectoryProvider({
      directory: EntraDirectorySettingsSchema.parse({
        identityAuthority: stopped.url,
        graphUrl: stopped.graphUrl,
        tenant: IDS.tenant,
        applicationId: IDS.clientId,
      }),
      sync: {
        users: true,
        groups: false,
        userFilter: null,
        groupFilter: null,
        removeDisabled: false,
      },
      key: IDS.clientSecret,
      ca: stopped.caPem,
    });

    const failure = await unreachable.read(request()).catch((error: unknown) => error);

    expect((failure as EntraError).code).toBe('ENTRA_UNREACHABLE');
    expect((failure as EntraError).message).toContain('ECONNREFUSED');
  });
});

import type { DirectoryCursor, DirectoryReadRequest, DirectorySnapshot } from '@bwdc/core';

import {
  OKTA_FIXTURE_TOKEN,
  generatedOktaOrg,
  oktaOrgFixture,
  startOktaEmulator,
  type OktaEmulator,
} from '@bwdc/directory-emulators';
import { OktaDirectoryProvider } from './okta-directory-provider';
import { OktaError } from './okta-error';
import type { OktaProviderOptions, OktaSyncScope } from './okta-provider-options';
import { OktaDirectorySettingsSchema } from './okta-settings';

const full = (): DirectoryReadRequest => ({
  mode: 'full',
  dryRun: false,
  cursor: null,
  startedAt: new Date(),
});

function provider(
  on: OktaEmulator,
  sync: Partial<OktaSyncScope> = {},
  overrides: Partial<OktaProviderOptions> = {},
): OktaDirectoryProvider {
  return new OktaDirectoryProvider({
    directory: OktaDirectorySettingsSchema.parse({ orgUrl: `${on.orgUrl}/` }),
    sync: {
      users: true,
      groups: true,
      userFilter: null,
      groupFilter: null,
      removeDisabled: false,
      ...sync,
    },
    token: OKTA_FIXTURE_TOKEN,
    caPem: on.caPem,
    ...overrides,
  });
}

const emails = (snapshot: DirectorySnapshot) => snapshot.users.map((user) => user.email).sort();
const groupNames = (snapshot: DirectorySnapshot) =>
  snapshot.groups.map((group) => group.name).sort();
const membersOf = (snapshot: DirectorySnapshot, name: string) =>
  [...(snapshot.groups.find((group) => group.name === name)?.userMemberExternalIds ?? [])].sort();
const user = (n: number) => `00u${String(n).padStart(17, '0')}`;

const ALL_EMAILS = [1, 2, 3, 4, 5, 6].map((n) => `testuser${n}@bwrox.dev`);
const ALL_GROUPS = [
  'Everyone',
  'Integration Test Group A',
  'Integration Test Group B',
  'Okta Administrators',
];

describe('OktaDirectoryProvider through the Okta SDK, upstream’s live-org scenarios', () => {
  let emulator: OktaEmulator;
  beforeAll(async () => {
    emulator = await startOktaEmulator(oktaOrgFixture());
  });
  afterAll(async () => emulator.stop());

  it('reads the whole org unfiltered: users, deprovisioned deleted, suspended disabled, groups', async () => {
    const snapshot = await provider(emulator).read(full());

    expect(emails(snapshot)).toEqual(ALL_EMAILS);
    expect(snapshot.users.find((u) => u.externalId === user(5))).toMatchObject({
      disabled: true,
      deleted: false,
    });
    expect(snapshot.users.find((u) => u.externalId === user(6))).toMatchObject({
      deleted: true,
    });
    expect(groupNames(snapshot)).toEqual(ALL_GROUPS);
    expect(membersOf(snapshot, 'Everyone')).toEqual([1, 2, 3, 4, 5].map(user));
    expect(membersOf(snapshot, 'Integration Test Group B')).toEqual([2, 3, 4].map(user));
    expect(membersOf(snapshot, 'Okta Administrators')).toEqual([]);
    expect(snapshot.cursor.usersReadAt).not.toBeNull();
  });

  it('reads users only', async () => {
    const snapshot = await provider(emulator, { groups: false }).read(full());

    expect(emails(snapshot)).toEqual(ALL_EMAILS);
    expect(snapshot.groups).toEqual([]);
    expect(snapshot.cursor.groupsReadAt).toBeNull();
  });

  it('reads groups only', async () => {
    const snapshot = await provider(emulator, { users: false }).read(full());

    expect(snapshot.users).toEqual([]);
    expect(groupNames(snapshot)).toEqual(ALL_GROUPS);
  });

  it('include: two groups gives exactly those groups and their members', async () => {
    const snapshot = await provider(emulator, {
      groupFilter: 'include: Integration Test Group A, Integration Test Group B',
    }).read(full());

    expect(groupNames(snapshot)).toEqual(['Integration Test Group A', 'Integration Test Group B']);
    // Users 1-4 are members; deprovisioned user 6 stays so that Bitwarden removes it.
    expect(emails(snapshot)).toEqual([1, 2, 3, 4, 6].map((n) => `testuser${n}@bwrox.dev`));
  });

  it('applies upstream’s user include/exclude and the native filter after |', async () => {
    const included = await provider(emulator, {
      groups: false,
      userFilter: 'include:TestUser1@bwrox.dev, testuser5@bwrox.dev',
    }).read(full());
    const native = await provider(emulator, {
      groups: false,
      userFilter: 'exclude:testuser2@bwrox.dev|status eq "ACTIVE"',
    }).read(full());

    expect(emails(included)).toEqual(['testuser1@bwrox.dev', 'testuser5@bwrox.dev']);
    // ACTIVE only, plus upstream's second query for the deprovisioned (ANDed with the filter).
    expect(emails(native)).toEqual([1, 3, 4].map((n) => `testuser${n}@bwrox.dev`));
    expect(
      emulator.requests.some(
        (r) => r.query['filter'] === '(status eq "ACTIVE") and status eq "DEPROVISIONED"',
      ),
    ).toBe(true);
  });

  it('rejects a bad token with an OktaError naming org, call and status, never the token', async () => {
    const read = provider(emulator, {}, { token: 'not-the-token-123' }).read(full());

    await expect(read).rejects.toBeInstanceOf(OktaError);
    const error = (await read.catch((e: unknown) => e)) as OktaError;
    expect(error.code).toBe('OKTA_AUTH_FAILED');
    expect(error.details).toMatchObject({ org: emulator.orgUrl, status: 401 });
    expect(error.message).toContain(emulator.orgUrl);
    expect(error.message).toContain('GET /api/v1/users');
    expect(error.message).toContain('401');
    expect(`${error.message} ${error.remedy}`).not.toContain('not-the-token-123');
  });

  it('reports progress and ends with the final counts', async () => {
    const seen: { users: number; groups: number }[] = [];
    await provider(emulator).read({ ...full(), onProgress: (p) => seen.push(p) });

    expect(seen.at(-1)).toEqual({ users: 6, groups: 4 });
  });
});

describe('OktaDirectoryProvider incremental reads', () => {
  let emulator: OktaEmulator;
  beforeEach(async () => {
    emulator = await startOktaEmulator(oktaOrgFixture());
  });
  afterEach(async () => emulator.stop());

  it('returns only users changed since the last sync, deprovisioned ones as deleted', async () => {
    const first = await provider(emulator).read(full());
    await new Promise((resolve) => setTimeout(resolve, 20));
    emulator.updateUser(user(2), { profile: { firstName: 'Renamed' } });
    emulator.updateUser(user(3), { status: 'DEPROVISIONED' });
    const seen = emulator.requests.length;

    const delta = await provider(emulator).read({
      mode: 'delta',
      dryRun: false,
      cursor: first.cursor,
      startedAt: new Date(),
    });

    expect(delta.users).toEqual([
      {
        externalId: user(2),
        referenceId: user(2),
        email: 'testuser2@bwrox.dev',
        disabled: false,
        deleted: false,
      },
      {
        externalId: user(3),
        referenceId: user(3),
        email: 'testuser3@bwrox.dev',
        disabled: false,
        deleted: true,
      },
    ]);
    const usersCalls = emulator.requests.slice(seen).filter((r) => r.path === '/api/v1/users');
    expect(usersCalls.map((r) => r.query['filter'])).toEqual([
      `lastUpdated gt "${first.cursor.usersReadAt}"`,
    ]);
    // An active user changed: every group is read again (upstream's forceGroup).
    expect(delta.groups).toHaveLength(4);
  });

  it('asks for groups changed since groupsReadAt when no active user changed', async () => {
    const cursor: DirectoryCursor = {
      usersReadAt: new Date().toISOString(),
      groupsReadAt: new Date().toISOString(),
      userDeltaToken: null,
      groupDeltaToken: null,
    };
    const startedAt = new Date(Date.now() + 1);
    const delta = await provider(emulator).read({
      mode: 'delta',
      dryRun: false,
      cursor,
      startedAt,
    });

    expect(delta.users).toEqual([]);
    expect(delta.groups).toEqual([]);
    expect(emulator.requests.find((r) => r.path === '/api/v1/groups')?.query['filter']).toBe(
      `lastUpdated gt "${cursor.groupsReadAt}"`,
    );
    expect(delta.cursor).toMatchObject({
      usersReadAt: startedAt.toISOString(),
      groupsReadAt: startedAt.toISOString(),
    });
  });
});

describe('OktaDirectoryProvider under Okta’s rate limit', () => {
  it('reads 1,000 groups at 100 requests a (1 s) minute without a 429 surfacing', async () => {
    const emulator = await startOktaEmulator({
      ...generatedOktaOrg({ users: 200, groups: 1_000, membersPerGroup: 5 }),
      rateLimit: { limit: 100, windowMs: 1_000 },
    });
    try {
      const snapshot = await provider(emulator, {}, { maxRetries: 4 }).read(full());

      expect(snapshot.groups).toHaveLength(1_000);
      expect(snapshot.groups.every((group) => group.userMemberExternalIds.length === 5)).toBe(true);
      expect(snapshot.users).toHaveLength(200);
      const throttled = emulator.requests.filter((r) => r.status === 429).length;
      // The headers pace the reads: at most a stray 429 at a window's edge, retried by the SDK.
      expect(throttled).toBeLessThanOrEqual(2);
      const perWindow = new Map<number, number>();
      for (const r of emulator.requests) {
        perWindow.set(Math.floor(r.at / 1_000), (perWindow.get(Math.floor(r.at / 1_000)) ?? 0) + 1);
      }
      expect(Math.max(...perWindow.values())).toBeLessThanOrEqual(100 + throttled);
    } finally {
      await emulator.stop();
    }
  }, 60_000);

  it('waits out a 429 until X-Rate-Limit-Reset (SDK retry), then completes', async () => {
    const emulator = await startOktaEmulator({
      ...oktaOrgFixture(),
      rateLimit: { limit: 3, windowMs: 1_000 },
    });
    try {
      // Concurrency 8 on a 3-per-second limit: the first answers have not told the gate yet,
      // so some calls overshoot and are answered 429, which the SDK waits out.
      const snapshot = await provider(emulator).read(full());

      expect(snapshot.groups).toHaveLength(4);
      expect(emails(snapshot)).toEqual(ALL_EMAILS);
    } finally {
      await emulator.stop();
    }
  }, 30_000);
});

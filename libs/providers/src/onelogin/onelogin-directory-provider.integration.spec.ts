import type { DirectoryReadRequest, DirectorySnapshot, ReadProgress } from '@bwdc/core';

import {
  ONELOGIN_FIXTURE_CLIENT_ID,
  ONELOGIN_FIXTURE_CLIENT_SECRET,
  generatedOneLoginOrg,
  oneLoginFixture,
  type OneLoginEmulator,
  type OneLoginEmulatorOptions,
  startOneLoginEmulator,
} from '@bwdc/directory-emulators';
import { OneLoginDirectoryProvider } from './onelogin-directory-provider';
import { OneLoginError } from './onelogin-error';
import type { OneLoginProviderOptions, OneLoginSyncScope } from './onelogin-provider-options';
import { OneLoginDirectorySettingsSchema } from './onelogin-settings';

const request: DirectoryReadRequest = {
  mode: 'full',
  dryRun: false,
  cursor: null,
  startedAt: new Date(),
};

let emulator: OneLoginEmulator;

function provider(
  sync: Partial<OneLoginSyncScope> = {},
  overrides: Partial<OneLoginProviderOptions> = {},
  on: OneLoginEmulator = emulator,
): OneLoginDirectoryProvider {
  return new OneLoginDirectoryProvider({
    directory: OneLoginDirectorySettingsSchema.parse({ clientId: ONELOGIN_FIXTURE_CLIENT_ID }),
    sync: {
      users: true,
      groups: true,
      userFilter: null,
      groupFilter: null,
      removeDisabled: false,
      useEmailPrefixSuffix: false,
      emailSuffix: null,
      ...sync,
    },
    clientSecret: ONELOGIN_FIXTURE_CLIENT_SECRET,
    endpoints: { baseUrl: on.baseUrl, caPem: on.caPem },
    retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 5_000 },
    ...overrides,
  });
}

async function withEmulator<T>(
  options: Partial<OneLoginEmulatorOptions>,
  run: (on: OneLoginEmulator) => Promise<T>,
): Promise<T> {
  const on = await startOneLoginEmulator({ ...oneLoginFixture(), ...options });
  try {
    return await run(on);
  } finally {
    await on.stop();
  }
}

const emails = (snapshot: DirectorySnapshot) => snapshot.users.map((user) => user.email).sort();
const roleNames = (snapshot: DirectorySnapshot) =>
  snapshot.groups.map((group) => group.name).sort();
const role = (snapshot: DirectorySnapshot, name: string) =>
  snapshot.groups.find((group) => group.name === name);

const ROLE_A = 'Integration Test Role';
const ROLE_B = 'Integration Test Role B';

beforeAll(async () => {
  emulator = await startOneLoginEmulator(oneLoginFixture());
});

afterAll(async () => {
  await emulator.stop();
});

describe('OneLoginDirectoryProvider against the OneLogin emulator (upstream live-org scenarios)', () => {
  it('unfiltered: every user with an email and every role as a group, with its members', async () => {
    const snapshot = await provider().read(request);

    expect(snapshot.users).toEqual(
      expect.arrayContaining([
        {
          externalId: '53711001',
          referenceId: '53711001',
          email: 'testuser1@bwrox.dev',
          disabled: false,
          deleted: false,
        },
        // the email is empty: the username is one, as upstream falls back
        {
          externalId: '53711005',
          referenceId: '53711005',
          email: 'testuser5@bwrox.dev',
          disabled: false,
          deleted: false,
        },
      ]),
    );
    // 53711006 (bare username) and 53711007 (no email at all) are skipped and counted
    expect(emails(snapshot)).toEqual([1, 2, 3, 4, 5, 8].map((n) => `testuser${n}@bwrox.dev`));
    expect(snapshot.notices).toEqual([{ kind: 'users-skipped', reason: 'no-email', count: 2 }]);
    expect(roleNames(snapshot)).toEqual(['Empty Role', ROLE_A, ROLE_B, 'Other Role']);
    expect(role(snapshot, ROLE_A)).toEqual({
      externalId: '952807',
      referenceId: '952807',
      name: ROLE_A,
      userMemberExternalIds: ['53711001', '53711002', '53711003', '53711004'],
      groupMemberReferenceIds: [],
    });
    expect(role(snapshot, 'Empty Role')?.userMemberExternalIds).toEqual([]);
    expect(snapshot.cursor).toEqual({
      usersReadAt: null,
      groupsReadAt: null,
      userDeltaToken: null,
      groupDeltaToken: null,
    });
  });

  it('a suspended user (status 2) is disabled', async () => {
    const snapshot = await provider({ groups: false }).read(request);

    expect(snapshot.users.find((user) => user.email === 'testuser4@bwrox.dev')).toMatchObject({
      externalId: '53711004',
      disabled: true,
      deleted: false,
    });
    expect(snapshot.users.filter((user) => user.disabled)).toHaveLength(1);
  });

  it('users only: no role is read', async () => {
    const before = emulator.requests.length;
    const snapshot = await provider({ groups: false }).read(request);

    expect(snapshot.groups).toEqual([]);
    expect(snapshot.users).toHaveLength(6);
    expect(emulator.requests.slice(before).some((r) => r.path.includes('/roles'))).toBe(false);
  });

  it('groups only: no user is returned, and the roles still have their members', async () => {
    const before = emulator.requests.length;
    const snapshot = await provider({ users: false }).read(request);

    expect(snapshot.users).toEqual([]);
    expect(roleNames(snapshot)).toEqual(['Empty Role', ROLE_A, ROLE_B, 'Other Role']);
    expect(role(snapshot, ROLE_B)?.userMemberExternalIds).toEqual(['53711002', '53711005']);
    expect(emulator.requests.slice(before).some((r) => r.path === '/api/2/users')).toBe(false);
  });

  it('include two roles: exactly those roles and their members', async () => {
    const snapshot = await provider({ groupFilter: `include: ${ROLE_A}, ${ROLE_B}` }).read(request);

    expect(roleNames(snapshot)).toEqual([ROLE_A, ROLE_B]);
    // testuser8 is only in "Other Role"; the suspended testuser4 is a member of role A
    expect(emails(snapshot)).toEqual([1, 2, 3, 4, 5].map((n) => `testuser${n}@bwrox.dev`));
  });

  it('exclude a role: the others, and only their members (disabled ones with removeDisabled)', async () => {
    const snapshot = await provider({ groupFilter: `exclude:${ROLE_A}` }).read(request);

    expect(roleNames(snapshot)).toEqual(['Empty Role', ROLE_B, 'Other Role']);
    expect(emails(snapshot)).toEqual([2, 5, 8].map((n) => `testuser${n}@bwrox.dev`));

    const removing = await provider({
      groupFilter: `exclude:${ROLE_A}`,
      removeDisabled: true,
    }).read(request);
    expect(emails(removing)).toEqual([2, 4, 5, 8].map((n) => `testuser${n}@bwrox.dev`));
  });

  it('user include and exclude filters, and OneLogin search parameters after |', async () => {
    const included = await provider({
      groups: false,
      userFilter: 'include: TestUser1@bwrox.dev,testuser3@bwrox.dev',
    }).read(request);
    expect(emails(included)).toEqual(['testuser1@bwrox.dev', 'testuser3@bwrox.dev']);

    const excluded = await provider({
      groups: false,
      userFilter: 'exclude:testuser1@bwrox.dev',
    }).read(request);
    expect(emails(excluded)).toEqual([2, 3, 4, 5, 8].map((n) => `testuser${n}@bwrox.dev`));

    const before = emulator.requests.length;
    const queried = await provider({ groups: false, userFilter: '|email=testuser2*' }).read(
      request,
    );
    expect(emails(queried)).toEqual(['testuser2@bwrox.dev']);
    expect(emulator.requests[before + 1]?.query).toEqual({ email: 'testuser2*', limit: '50' });
  });

  it('builds username + suffix when the prefix/suffix option is on, as upstream', async () => {
    const snapshot = await provider({
      groups: false,
      useEmailPrefixSuffix: true,
      emailSuffix: '@bwrox.dev',
    }).read(request);

    expect(snapshot.users.find((user) => user.externalId === '53711006')?.email).toBe(
      'testuser6@bwrox.dev',
    );
    expect(snapshot.notices).toEqual([{ kind: 'users-skipped', reason: 'no-email', count: 1 }]);
  });

  it('rejects bad credentials with a typed error naming the region and status, never the secret', async () => {
    const read = provider({}, { clientSecret: 'not-the-secret' }).read(request);

    await expect(read).rejects.toThrow(OneLoginError);
    const error = (await read.catch((failure: unknown) => failure)) as OneLoginError;
    expect(error.code).toBe('ONELOGIN_AUTH_FAILED');
    expect(error.status).toBe(401);
    expect(error.side).toBe('directory');
    expect(error.message).toContain('OneLogin (US region');
    expect(error.message).toContain('POST /auth/oauth2/v2/token');
    expect(error.message).toContain('HTTP 401');
    expect(`${error.message} ${error.remedy}`).not.toContain('not-the-secret');
  });

  it('refuses a server whose certificate is not trusted, with a TLS error', async () => {
    const read = provider({}, { endpoints: { baseUrl: emulator.baseUrl } }).read(request);

    await expect(read).rejects.toMatchObject({ code: 'ONELOGIN_TLS_FAILED', status: null });
  });

  it('signs in with HTTP Basic and a JSON client-credentials body, then calls with a bearer token', async () => {
    const before = emulator.requests.length;
    await provider({ groups: false }).read(request);
    const calls = emulator.requests.slice(before);

    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/auth/oauth2/v2/token',
      status: 200,
      authorization: 'Basic [redacted]',
    });
    expect(calls[1]).toMatchObject({ path: '/api/2/users', authorization: 'Bearer [redacted]' });
  });

  it('reports progress, ending with the final counts', async () => {
    const seen: ReadProgress[] = [];
    await provider().read({ ...request, onProgress: (progress) => seen.push(progress) });

    expect(seen.at(-1)).toEqual({ users: 6, groups: 4 });
  });
});

describe('OneLoginDirectoryProvider paging, faults and rate limits', () => {
  it('reads every page through the After-Cursor: limit first, then cursor', async () => {
    const before = emulator.requests.length;
    const snapshot = await provider({ groups: false }, { pageSize: 3 }).read(request);
    const pages = emulator.requests.slice(before).filter((r) => r.path === '/api/2/users');

    expect(snapshot.users).toHaveLength(6);
    expect(pages).toHaveLength(3);
    expect(pages[0]?.query).toEqual({ limit: '3' });
    expect(Object.keys(pages[1]?.query ?? {})).toEqual(['cursor']);
  });

  it('a 500 on page 3 fails the read with a clear error and no partial result', async () => {
    await withEmulator(
      { faults: [{ path: /^\/api\/2\/users$/, page: 3, status: 500 }] },
      async (on) => {
        const read = provider({}, { pageSize: 2 }, on).read(request);

        await expect(read).rejects.toMatchObject({
          constructor: OneLoginError,
          code: 'ONELOGIN_UNAVAILABLE',
          status: 500,
        });
        const error = (await read.catch((failure: unknown) => failure)) as OneLoginError;
        expect(error.message).toMatch(
          /^OneLogin \(US region, at https:\/\/127\.0\.0\.1:\d+\) answered the users list \(GET \/api\/2\/users, page 3\) with HTTP 500: Injected fault; still failing after 3 tries\./,
        );
        // retried, then given up
        expect(on.requests.filter((r) => r.status === 500)).toHaveLength(3);
      },
    );
  });

  it('a single 500 is retried and the read completes', async () => {
    await withEmulator(
      { faults: [{ path: /^\/api\/2\/roles\/\d+\/users$/, status: 503, times: 1 }] },
      async (on) => {
        const snapshot = await provider({}, {}, on).read(request);

        expect(roleNames(snapshot)).toHaveLength(4);
        expect(on.requests.filter((r) => r.status === 503)).toHaveLength(1);
      },
    );
  });

  it('an expired token (401 on an API call) is renewed once and the read completes', async () => {
    await withEmulator(
      { faults: [{ path: /^\/api\/2\/users$/, status: 401, times: 1 }] },
      async (on) => {
        const snapshot = await provider({ groups: false }, {}, on).read(request);

        expect(snapshot.users).toHaveLength(6);
        expect(on.requests.filter((r) => r.path === '/auth/oauth2/v2/token')).toHaveLength(2);
      },
    );
  });

  it('roles map to groups over many pages (a generated org)', async () => {
    const org = generatedOneLoginOrg({ users: 120, roles: 12, membersPerRole: 30 });
    await withEmulator(org, async (on) => {
      const snapshot = await provider({}, { pageSize: 25 }, on).read(request);

      expect(snapshot.users).toHaveLength(120);
      expect(snapshot.users.filter((user) => user.disabled)).toHaveLength(2);
      expect(snapshot.groups).toHaveLength(12);
      expect(snapshot.groups.map((group) => group.userMemberExternalIds.length)).toEqual(
        org.roles.map((seeded) => seeded.users.length),
      );
      expect(snapshot.groups[0]).toMatchObject({
        externalId: '501',
        name: 'Role 1',
        userMemberExternalIds: org.roles[0]?.users.map(String),
      });
    });
  });

  it('a 429 with X-RateLimit-Reset is waited out and the read completes', async () => {
    await withEmulator({ rateLimit: { limit: 4, windowSeconds: 1 } }, async (on) => {
      const waits: number[] = [];
      const snapshot = await provider(
        {},
        {
          pageSize: 3,
          retry: { maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 5_000 },
          logger: {
            log: (_level, _message, data) => waits.push(Number(data?.['waitMs'])),
          },
        },
        on,
      ).read(request);

      expect(emails(snapshot)).toEqual([1, 2, 3, 4, 5, 8].map((n) => `testuser${n}@bwrox.dev`));
      expect(roleNames(snapshot)).toHaveLength(4);
      expect(on.requests.some((r) => r.status === 429)).toBe(true);
      // the reset header's seconds, not a blind backoff
      expect(waits.length).toBeGreaterThan(0);
      expect(waits.every((ms) => ms === 1_000)).toBe(true);
    });
  }, 20_000); // a few one-second rate-limit windows

  it('a rate-limit reset further away than the longest wait fails at once as throttled', async () => {
    await withEmulator({ rateLimit: { limit: 1, windowSeconds: 600 } }, async (on) => {
      const read = provider(
        {},
        { retry: { maxAttempts: 5, baseDelayMs: 5, maxDelayMs: 1_000 } },
        on,
      ).read(request);

      await expect(read).rejects.toMatchObject({ code: 'ONELOGIN_THROTTLED', status: 429 });
      await expect(read).rejects.toThrow(/the limit resets in \d+ s/);
    });
  });
});

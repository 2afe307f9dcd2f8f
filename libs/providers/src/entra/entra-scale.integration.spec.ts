import type { DirectoryReadRequest, ReadProgress } from '@bwdc/core';

// The entra emulator is not exported from @bwdc/directory-emulators yet (a shared file); once it
// is, import it from there and drop this line.
import { generatedTenant, startEntraEmulator, type EntraEmulator } from '@bwdc/directory-emulators';
import { EntraDirectoryProvider } from './entra-directory-provider';
import { EntraError } from './entra-error';
import { EntraDirectorySettingsSchema } from './entra-settings';
import { USER_FIELDS } from './graph-objects';
import { DEFAULT_GRAPH_RETRY, type GraphRetryPolicy } from './graph-retry';

const application = { clientId: 'scale-app', clientSecret: 'scale-secret' };

function provider(emulator: EntraEmulator, tenant: string, retry?: GraphRetryPolicy) {
  return new EntraDirectoryProvider({
    directory: EntraDirectorySettingsSchema.parse({
      identityAuthority: emulator.url,
      graphUrl: emulator.graphUrl,
      tenant,
      applicationId: application.clientId,
    }),
    sync: { users: true, groups: true, userFilter: null, groupFilter: null, removeDisabled: false },
    key: application.clientSecret,
    ca: emulator.caPem,
    ...(retry ? { retry } : {}),
  });
}

const request: DirectoryReadRequest = {
  mode: 'full',
  dryRun: false,
  cursor: null,
  startedAt: new Date(),
};

describe('Entra ID reads at scale', () => {
  it('reads a tenant of 5,000 users and 300 groups completely, following every nextLink', async () => {
    const tenant = generatedTenant({
      id: 'scale.test',
      application,
      users: 5000,
      groups: 300,
      membersPerGroup: 1200,
    });
    const emulator = await startEntraEmulator({ tenants: [tenant] });
    try {
      const seen: ReadProgress[] = [];
      const snapshot = await provider(emulator, 'scale.test').read({
        ...request,
        onProgress: (progress) => seen.push(progress),
      });

      expect(snapshot.users).toHaveLength(5000);
      expect(seen.length).toBeGreaterThan(10);
      expect(seen.at(-1)).toEqual({ users: 5000, groups: 300 });
      const totals = seen.map((progress) => progress.users + progress.groups);
      expect(totals).toEqual([...totals].sort((a, b) => a - b));
      expect(new Set(snapshot.users.map((user) => user.externalId)).size).toBe(5000);
      expect(snapshot.groups).toHaveLength(300);
      for (const group of snapshot.groups) {
        const seeded = tenant.groups.find((candidate) => candidate.id === group.externalId);
        expect(group.userMemberExternalIds).toEqual(seeded?.members);
      }
      const sent = emulator.requests.filter((entry) => entry.server === 'graph' && !entry.inBatch);
      const paths = sent.map((entry) => entry.url.split('?')[0]);
      // 999 per page: 6 user pages, 6 delta pages, 1 group page; the members' first pages in
      // 15 batches of 20 groups, and each group's second page (1,200 members) on its own.
      expect(paths.filter((path) => path === '/v1.0/users')).toHaveLength(6);
      expect(paths.filter((path) => path === '/v1.0/users/delta')).toHaveLength(6);
      expect(paths.filter((path) => path === '/v1.0/groups')).toHaveLength(1);
      expect(paths.filter((path) => path === '/v1.0/$batch')).toHaveLength(15);
      expect(paths.filter((path) => path?.endsWith('/members'))).toHaveLength(300);
      expect(snapshot.graphRequests).toBe(328);
    } finally {
      await emulator.stop();
    }
  }, 60_000);

  it('waits out throttling (429 with Retry-After) and still returns the whole directory', async () => {
    const tenant = generatedTenant({ id: 'throttled.test', application, users: 1500, groups: 60 });
    const emulator = await startEntraEmulator({
      tenants: [tenant],
      throttle: { burst: 25, windowMs: 1000 },
    });
    try {
      const snapshot = await provider(emulator, 'throttled.test').read(request);

      expect(snapshot.users).toHaveLength(1500);
      expect(snapshot.groups).toHaveLength(60);
      expect(snapshot.groups.every((group) => group.userMemberExternalIds.length === 20)).toBe(
        true,
      );
      // Throttled calls and throttled requests inside batches were both made again.
      const throttled = emulator.requests.filter((entry) => entry.status === 429);
      expect(throttled.some((entry) => entry.inBatch)).toBe(true);
      expect(throttled.length).toBeGreaterThan(10);
      const membersAnswered = new Set(
        emulator.requests
          .filter((entry) => entry.status === 200 && entry.url.includes('/members'))
          .map((entry) => entry.url.split('/')[3]),
      );
      expect(membersAnswered.size).toBe(60);
    } finally {
      await emulator.stop();
    }
  }, 60_000);

  it('retries transient 5xx answers, and fails the read when a later page keeps failing', async () => {
    const tenant = generatedTenant({ id: 'faulty.test', application, users: 1500, groups: 3 });
    const flaky = await startEntraEmulator({
      tenants: [tenant],
      faults: [{ urlIncludes: '/v1.0/users?', status: 503, times: 2 }],
    });
    const broken = await startEntraEmulator({
      tenants: [tenant],
      // The second page of users, and only it, always fails.
      faults: [
        { urlIncludes: `/v1.0/users?$select=${USER_FIELDS}&$top=999&$skiptoken=999`, status: 500 },
      ],
    });
    const retry = { ...DEFAULT_GRAPH_RETRY, maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 10 };
    try {
      const recovered = await provider(flaky, 'faulty.test', retry).read(request);
      expect(recovered.users).toHaveLength(1500);
      expect(flaky.requests.filter((entry) => entry.status === 503)).toHaveLength(2);

      const failure = await provider(broken, 'faulty.test', retry)
        .read(request)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(EntraError);
      expect((failure as EntraError).code).toBe('ENTRA_READ_FAILED');
      expect((failure as EntraError).details).toEqual({
        tenant: 'faulty.test',
        call: 'GET /v1.0/users',
        status: 500,
      });
    } finally {
      await Promise.all([flaky.stop(), broken.stop()]);
    }
  }, 30_000);

  it('gives up after the bounded attempts with a typed throttling error', async () => {
    const tenant = generatedTenant({ id: 'busy.test', application, users: 10, groups: 2 });
    const emulator = await startEntraEmulator({
      tenants: [tenant],
      throttle: { burst: 0, windowMs: 60_000 },
    });
    try {
      const retry = { ...DEFAULT_GRAPH_RETRY, maxAttempts: 3, maxDelayMs: 10 };
      const failure = await provider(emulator, 'busy.test', retry)
        .read(request)
        .catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(EntraError);
      expect((failure as EntraError).code).toBe('ENTRA_THROTTLED');
      expect((failure as EntraError).message).toMatch(/busy\.test.*HTTP 429/);
      // Users, delta and groups are read side by side: 3 attempts each, then the read fails.
      expect(emulator.requests.filter((entry) => entry.status === 429).length).toBeLessThanOrEqual(
        9,
      );
    } finally {
      await emulator.stop();
    }
  }, 30_000);
});

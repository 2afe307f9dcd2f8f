import { generateKeyPairSync } from 'node:crypto';
import * as net from 'node:net';

import type { DirectoryReadRequest, ReadProgress } from '@bwdc/core';

import {
  GOOGLE_FIXTURE_ADMIN,
  GOOGLE_FIXTURE_DOMAIN,
  generatedGoogleWorkspace,
  type GoogleEmulator,
  type GoogleEmulatorOptions,
  startGoogleEmulator,
} from '@bwdc/directory-emulators';
import { GoogleDirectoryProvider } from './google-directory-provider';
import { GoogleDirectorySettingsSchema } from './google-settings';

const CLIENT_EMAIL = 'bwdc@connector-project.iam.gserviceaccount.com';
const key = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const request: DirectoryReadRequest = {
  mode: 'full',
  dryRun: false,
  cursor: null,
  startedAt: new Date(),
};

async function start(
  options: Pick<GoogleEmulatorOptions, 'customers'> & Partial<GoogleEmulatorOptions>,
) {
  return startGoogleEmulator({
    serviceAccounts: [{ clientEmail: CLIENT_EMAIL, publicKeyPem: key.publicKey }],
    ...options,
  });
}

function provider(
  emulator: GoogleEmulator,
  retry = { maxAttempts: 6, baseDelayMs: 50, maxDelayMs: 5_000 },
): GoogleDirectoryProvider {
  return new GoogleDirectoryProvider({
    directory: GoogleDirectorySettingsSchema.parse({
      domain: GOOGLE_FIXTURE_DOMAIN,
      adminUser: GOOGLE_FIXTURE_ADMIN,
      clientEmail: CLIENT_EMAIL,
    }),
    sync: { users: true, groups: true, userFilter: null, groupFilter: null, removeDisabled: false },
    privateKey: key.privateKey,
    endpoints: { rootUrl: emulator.rootUrl, tokenUrl: emulator.tokenUrl, caPem: emulator.caPem },
    retry,
  });
}

describe('paging', () => {
  it('reads 5,000 users and 300 groups completely, 500 users and 200 groups a page', async () => {
    const workspace = generatedGoogleWorkspace({ users: 5_000, groups: 300, membersPerGroup: 25 });
    const emulator = await start({ customers: [workspace] });
    try {
      const progress: ReadProgress[] = [];
      const snapshot = await provider(emulator).read({
        ...request,
        onProgress: (p) => progress.push(p),
      });

      expect(snapshot.users).toHaveLength(5_001);
      expect(new Set(snapshot.users.map((user) => user.externalId)).size).toBe(5_001);
      expect(snapshot.users.filter((user) => user.disabled)).toHaveLength(100);
      expect(snapshot.groups).toHaveLength(300);
      for (const group of snapshot.groups) {
        const seeded = workspace.groups.find((candidate) => candidate.id === group.externalId);
        expect([...group.userMemberExternalIds].sort()).toEqual(
          seeded?.members.map((m) => m.id).sort(),
        );
      }
      const userPages = emulator.requests.filter(
        (r) => r.path.endsWith('/users') && !r.query['showDeleted'],
      );
      expect(userPages).toHaveLength(11);
      expect(userPages.every((r) => r.query['maxResults'] === '500')).toBe(true);
      expect(emulator.requests.filter((r) => r.path.endsWith('/groups'))).toHaveLength(2);
      expect(emulator.requests.filter((r) => r.path.endsWith('/members'))).toHaveLength(300);
      expect(progress.at(-1)).toEqual({ users: 5_001, groups: 300 });
    } finally {
      await emulator.stop();
    }
  });
});

describe('throttling', () => {
  it('waits out a burst of 429s (Retry-After) and returns the same directory as unthrottled', async () => {
    const workspace = generatedGoogleWorkspace({ users: 600, groups: 40, membersPerGroup: 10 });
    const calm = await start({ customers: [workspace] });
    const throttled = await start({
      customers: [workspace],
      throttle: { burst: 25, retryAfterSeconds: 1 },
    });
    try {
      const expected = await provider(calm).read(request);
      const started = Date.now();
      const snapshot = await provider(throttled).read(request);

      expect(snapshot).toEqual(expected);
      const refused = throttled.requests.filter((r) => r.status === 429);
      expect(refused.length).toBeGreaterThan(0);
      // every refusal said Retry-After: 1, and the provider waited it out rather than hammering
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    } finally {
      await Promise.all([calm.stop(), throttled.stop()]);
    }
  });
});

describe('quota 403s', () => {
  it('backs off on 403 userRateLimitExceeded (no Retry-After) and completes', async () => {
    const workspace = generatedGoogleWorkspace({ users: 300, groups: 30, membersPerGroup: 5 });
    const throttled = await start({
      customers: [workspace],
      throttle: { burst: 20, retryAfterSeconds: 1, answer: 'userRateLimitExceeded' },
    });
    try {
      // Without Retry-After the backoff must outlast the 1 s block: 0.2 s doubling, at least 3 s.
      const retry = { maxAttempts: 6, baseDelayMs: 200, maxDelayMs: 5_000 };
      const snapshot = await provider(throttled, retry).read(request);

      expect(snapshot.users).toHaveLength(301);
      expect(snapshot.groups).toHaveLength(30);
      expect(throttled.requests.filter((r) => r.status === 403).length).toBeGreaterThan(0);
    } finally {
      await throttled.stop();
    }
  });
});

describe('egress', () => {
  it('sends every request, the token request included, to the emulator and nowhere else', async () => {
    const workspace = generatedGoogleWorkspace({ users: 50, groups: 5, membersPerGroup: 5 });
    const emulator = await start({ customers: [workspace] });
    const port = Number(new URL(emulator.rootUrl).port);
    const connections: string[] = [];
    const original = net.Socket.prototype.connect as (...args: unknown[]) => net.Socket;
    const connect = jest.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (
      this: net.Socket,
      ...args: unknown[]
    ) {
      const target = args[0] as { host?: string; port?: number } | undefined;
      connections.push(`${target?.host ?? ''}:${target?.port ?? ''}`);
      return original.apply(this, args);
    });
    try {
      await provider(emulator).read(request);

      expect(connections.length).toBeGreaterThan(0);
      expect(new Set(connections)).toEqual(new Set([`127.0.0.1:${port}`]));
      expect(emulator.requests[0]).toMatchObject({ method: 'POST', path: '/token', status: 200 });
      expect(emulator.requests.every((r) => r.status === 200)).toBe(true);
      expect(emulator.requests.map((r) => r.path)).toEqual(
        expect.arrayContaining(['/admin/directory/v1/users', '/admin/directory/v1/groups']),
      );
    } finally {
      connect.mockRestore();
      await emulator.stop();
    }
  });
});

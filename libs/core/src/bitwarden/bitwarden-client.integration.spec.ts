import { readFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import {
  startBitwardenServer,
  type RunningBitwardenServer,
  type Seed,
} from '@bwdc/bitwarden-server';

import type { ImportRequest } from '../model/import-request';
import type { Clock } from '../ports/clock';
import { fingerprintRequests, ImportFingerprint } from '../sync/fingerprint';
import { planSync } from '../sync/plan-sync';
import { aGroup, aUser, importOptions } from '../testing/builders';
import { BitwardenClient, type BitwardenClientOptions } from './bitwarden-client';
import { BitwardenError, ImportBatchError } from './bitwarden-error';
import { clientDeviceFor } from './client-device';
import { nodeHttpTransport } from './http-transport';
import type { RetryPolicy } from './retry-policy';

const ORG_ID = '3f1e7a52-8c4d-4b6e-9a0f-1d2c3b4a5e6f';
const API_KEY = {
  clientId: `organization.${ORG_ID}`,
  clientSecret: 'k3yS3cr3tThirtyCharactersLong0',
};
const tls = path.join(__dirname, 'test-tls');

function seed(overrides: Partial<Seed['organizations'][number]> = {}): Seed {
  return {
    organizations: [
      {
        id: ORG_ID,
        apiKey: API_KEY.clientSecret,
        members: [{ email: 'owner@example.com', type: 'owner', status: 'confirmed' }],
        groups: [],
        ...overrides,
      },
    ],
  };
}

/** A clock the test moves by hand. */
class TestClock implements Clock {
  constructor(private current = Date.now()) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

const fastRetries: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 10,
  maxDelayMs: 50,
  maxTotalDelayMs: 60_000,
};

describe('BitwardenClient against the local Bitwarden server', () => {
  let server: RunningBitwardenServer;
  let waits: number[];

  const client = (overrides: Partial<BitwardenClientOptions> = {}) =>
    new BitwardenClient({
      urls: { apiUrl: server.apiUrl, identityUrl: server.identityUrl },
      apiKey: API_KEY,
      device: clientDeviceFor('linux', 'c0ffee00-0000-4000-8000-000000000001', '2026.11.0'),
      retryPolicy: fastRetries,
      retryEnvironment: {
        sleep: async (ms) => void waits.push(ms),
        random: () => 0.5,
      },
      ...overrides,
    });

  const request = (members: string[], groups: ImportRequest['groups'] = []): ImportRequest => ({
    groups,
    members: members.map((id) => ({ email: `${id}@example.com`, externalId: id, deleted: false })),
    overwriteExisting: false,
    largeImport: true,
    inviteUsersAfterProvisioning: true,
  });

  const tokenRequests = () =>
    server.requests.filter((entry) => entry.path.endsWith('/connect/token'));
  const importRequests = () =>
    server.requests.filter((entry) => entry.path.endsWith('/public/organization/import'));
  const memberEmails = () =>
    server
      .organization(ORG_ID)
      .members.map((member) => member.email)
      .sort();

  beforeEach(async () => {
    waits = [];
    server = await startBitwardenServer({ seed: seed() });
  });

  afterEach(async () => {
    await server.stop();
  });

  it('logs in with the organization API key, presenting itself as upstream does', async () => {
    await client().login();

    const [token] = tokenRequests();
    expect(token?.status).toBe(200);
    expect(token?.path).toBe('/identity/connect/token');
    expect(token?.headers).toMatchObject({
      'bitwarden-client-name': 'connector',
      'bitwarden-client-version': '2026.11.0',
      'device-type': '8',
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    });
  });

  it('imports, reusing its token until fewer than five minutes remain', async () => {
    const clock = new TestClock();
    const sut = client({ clock });

    await sut.importRequests([request(['u1'])]);
    clock.advance(50 * 60 * 1000);
    await sut.importRequests([request(['u1', 'u2'])]);
    expect(tokenRequests()).toHaveLength(1);

    clock.advance(6 * 60 * 1000);
    await sut.importRequests([request(['u1', 'u2', 'u3'])]);

    expect(tokenRequests()).toHaveLength(2);
    expect(
      importRequests().map((entry) => entry.headers['authorization']?.startsWith('Bearer ')),
    ).toEqual([true, true, true]);
    expect(memberEmails()).toEqual([
      'owner@example.com',
      'u1@example.com',
      'u2@example.com',
      'u3@example.com',
    ]);
  });

  it('renews a token the server stopped accepting and tries the call once more', async () => {
    await server.stop();
    server = await startBitwardenServer({ seed: seed(), tokenLifetimeSeconds: 1 });
    const clock = new TestClock();
    const sut = client({ clock });
    await sut.login();
    // The client thinks the token is fresh (its clock stands still) but the server says it expired.
    clock.advance(-10 * 60 * 1000);
    await new Promise((resolve) => setTimeout(resolve, 2100));

    await sut.importRequests([request(['u1'])]);

    expect(importRequests().map((entry) => entry.status)).toEqual([401, 200]);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('retries a throttled login and a dropped connection', async () => {
    server.injectFault({
      route: 'token',
      times: 1,
      kind: 'status',
      status: 429,
      retryAfterSeconds: 3,
    });
    server.injectFault({ route: 'import', times: 1, kind: 'drop' });

    await client().importRequests([request(['u1'])]);

    expect(waits[0]).toBe(3000);
    expect(tokenRequests().map((entry) => entry.status)).toEqual([429, 200]);
    expect(importRequests().map((entry) => entry.status)).toEqual([0, 200]);
    expect(memberEmails()).toContain('u1@example.com');
  });

  it('reports a rejected API key without showing the secret', async () => {
    const wrong = { ...API_KEY, clientSecret: 'thisIsNotTheRightSecret0000000' };

    const failure = client({ apiKey: wrong }).login();

    await expect(failure).rejects.toMatchObject({ code: 'API_KEY_REJECTED', side: 'bitwarden' });
    await expect(failure).rejects.toThrow('invalid_client');
    await failure.catch((error: Error) => {
      expect(error.message).not.toContain(wrong.clientSecret);
      expect(error.message).not.toContain('[object Object]');
    });
  });

  it('waits what a 429 asks and then succeeds', async () => {
    await client().login();
    server.injectFault({
      route: 'import',
      times: 1,
      kind: 'status',
      status: 429,
      retryAfterSeconds: 2,
    });

    await client().importRequests([request(['u1'])]);

    expect(waits).toEqual([2000]);
    expect(importRequests().map((entry) => entry.status)).toEqual([429, 200]);
    expect(memberEmails()).toContain('u1@example.com');
  });

  it('gives up on throttling after the attempts allowed and says it was rate limited', async () => {
    server.injectFault({
      route: 'import',
      times: 10,
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
    });

    const failure = client().importRequests([request(['u1'])]);

    await expect(failure).rejects.toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    await expect(failure).rejects.toThrow('Gave up after 4 attempts.');
    expect(waits).toEqual([1000, 1000, 1000]);
  });

  it('says the seats are exhausted when autoscaling may not add more', async () => {
    await server.stop();
    server = await startBitwardenServer({ seed: seed({ seats: 2, maxAutoscaleSeats: 2 }) });

    const failure = client().importRequests([request(['u1', 'u2'])]);

    await expect(failure).rejects.toMatchObject({ code: 'SEATS_EXHAUSTED', status: 400 });
    await expect(failure).rejects.toThrow('Seat limit has been reached.');
  });

  it("shows every field error of the server's validation, not only its generic message", async () => {
    const invalid: ImportRequest = {
      ...request([]),
      members: [{ email: 'not-an-email', externalId: 'x', deleted: false }],
      groups: [{ name: 'n'.repeat(101), externalId: 'g', memberExternalIds: [] }],
    };

    const failure = client().importRequests([invalid]);

    await expect(failure).rejects.toMatchObject({ code: 'REQUEST_REJECTED', status: 400 });
    await failure.catch((error: Error) => {
      expect(error.message).toContain("The request's model state is invalid.");
      expect(error.message).toMatch(/Members\[0\]\.Email: /);
      expect(error.message).toMatch(/Groups\[0\]\.Name: /);
    });
  });

  it('works with separate identity and API base URLs, as the cloud has', async () => {
    await client({ urls: { apiUrl: server.url, identityUrl: server.url } }).importRequests([
      request(['u1']),
    ]);

    expect(tokenRequests().map((entry) => entry.path)).toEqual(['/connect/token']);
    expect(importRequests().map((entry) => entry.path)).toEqual(['/public/organization/import']);
    expect(memberEmails()).toContain('u1@example.com');
  });

  it('names the failed batch of five and what was applied before it', async () => {
    const batches = [1, 2, 3, 4, 5].map((batch) => request([`b${batch}-1`, `b${batch}-2`]));

    const failure = client().importRequests(batches, ({ request: accepted }) => {
      if (accepted === 2) {
        server.injectFault({ route: 'import', times: 100, kind: 'status', status: 500 });
      }
    });

    await expect(failure).rejects.toBeInstanceOf(ImportBatchError);
    await failure.catch((error: ImportBatchError) => {
      expect(error.failedRequest).toBe(3);
      expect(error.appliedRequests).toBe(2);
      expect(error.failure.code).toBe('SERVER_ERROR');
      expect(error.message).toMatch(
        /^Import request 3 of 5 failed: .*Requests 1–2 were applied; 2 were not sent\.$/,
      );
      expect(error.message).toContain('Gave up after 4 attempts.');
    });
    expect(memberEmails()).toEqual([
      'b1-1@example.com',
      'b1-2@example.com',
      'b2-1@example.com',
      'b2-2@example.com',
      'owner@example.com',
    ]);
  });

  /** `request` whose members, once read (that is, when its body is built), call `onBuilt`. */
  const watchedRequest = (members: string[], onBuilt: () => void): ImportRequest => {
    const plain = request(members);
    return {
      ...plain,
      get members() {
        onBuilt();
        return plain.members;
      },
    };
  };

  it('builds the next body while the server handles the current request, and still sends in order', async () => {
    server.injectFault({ route: 'import', times: 1, kind: 'latency', ms: 200 });
    let answeredWhenSecondWasBuilt: number | undefined;
    const watched = watchedRequest(['b2-1'], () => {
      answeredWhenSecondWasBuilt ??= importRequests().filter((entry) => entry.status !== 0).length;
    });

    await client().importRequests([request(['b1-1']), watched]);

    expect(answeredWhenSecondWasBuilt).toBe(0);
    expect(importRequests().map((entry) => entry.status)).toEqual([200, 200]);
    expect(memberEmails()).toEqual(['b1-1@example.com', 'b2-1@example.com', 'owner@example.com']);
  });

  it('builds the next body only once the current one is out, so a large upload never stalls', async () => {
    // The server waits before reading, so about 9 MB cannot all fit in the sockets' buffers:
    // the upload needs the event loop until the server has read it.
    server.injectFault({ route: 'import', times: 1, kind: 'latency', ms: 300 });
    const unknownIds = Array.from({ length: 150_000 }, (_, index) => `${'x'.repeat(50)}-${index}`);
    const large = request(
      [],
      [{ name: 'Large', externalId: 'large', memberExternalIds: unknownIds }],
    );
    let receivedWhenSecondWasBuilt: { size: number; declared: number } | undefined;
    const watched = watchedRequest(['b2-1'], () => {
      const first = importRequests()[0];
      receivedWhenSecondWasBuilt ??= {
        size: first?.bodySize ?? 0,
        declared: Number(first?.headers['content-length']),
      };
    });

    await client().importRequests([large, watched]);

    expect(receivedWhenSecondWasBuilt?.declared).toBeGreaterThan(8_000_000);
    expect(receivedWhenSecondWasBuilt?.size).toBe(receivedWhenSecondWasBuilt?.declared);
    expect(importRequests().map((entry) => entry.status)).toEqual([200, 200]);
  });

  it('shows each body once, in order, hashing to the fingerprint of the requests', async () => {
    const batches = [
      request(['b1-1', 'b1-2']),
      request(['b2-1']),
      request([], [{ name: 'Équipe ✓ "quoted"', externalId: 'g1', memberExternalIds: ['b1-1'] }]),
    ];
    const destination = { apiUrl: server.apiUrl, organizationId: ORG_ID };
    const hashed = new ImportFingerprint(destination, batches.length);
    const bodies: string[] = [];

    await client().importRequests(batches, undefined, (pieces) => {
      bodies.push(Buffer.concat(pieces).toString('utf8'));
      hashed.addRequestBody(pieces);
    });

    expect(bodies).toEqual(batches.map((batch) => JSON.stringify(batch)));
    expect(hashed.digest()).toBe(fingerprintRequests(batches, destination));
  });

  it('writes a body into the buffers of the one before the last, once the server accepted it', async () => {
    const batch = (name: string) => request(Array.from({ length: 1500 }, (_, i) => `${name}-${i}`));
    const buffersOfEachBody: Set<ArrayBufferLike>[] = [];

    await client().importRequests([batch('b1'), batch('b2'), batch('b3')], undefined, (pieces) => {
      buffersOfEachBody.push(new Set(pieces.map((piece) => piece.buffer)));
    });

    const [first, second, third] = buffersOfEachBody;
    const shared = (left?: Set<ArrayBufferLike>, right?: Set<ArrayBufferLike>) =>
      [...(left ?? [])].filter((buffer) => right?.has(buffer)).length;
    // The second is built while the first is in flight; the third after the first was accepted.
    expect(shared(first, second)).toBe(0);
    expect(shared(first, third)).toBeGreaterThan(0);
    expect(importRequests().map((entry) => entry.status)).toEqual([200, 200, 200]);
    expect(memberEmails()).toHaveLength(4501);
    expect(memberEmails()).toEqual(
      expect.arrayContaining(['b1-0@example.com', 'b3-1499@example.com']),
    );
  });

  it('suggests large import when the body is too large', async () => {
    await server.stop();
    server = await startBitwardenServer({ seed: seed(), bodyLimitBytes: 2000 });
    const many = Array.from({ length: 100 }, (_, index) => `user${index}`);

    const failure = client().importRequests([request(many)]);

    await expect(failure).rejects.toMatchObject({ code: 'BODY_TOO_LARGE', status: 413 });
    await expect(failure).rejects.toMatchObject({
      remedy: expect.stringContaining('sync.largeImport'),
    });
  });

  it('names the URL when nothing listens there', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;

    const failure = client({
      urls: { apiUrl: `${url}/api`, identityUrl: `${url}/identity` },
    }).login();

    await expect(failure).rejects.toMatchObject({ code: 'UNREACHABLE' });
    await expect(failure).rejects.toThrow(
      `Cannot reach the Bitwarden server at ${url} (ECONNREFUSED)`,
    );
  });

  describe('over TLS', () => {
    beforeEach(async () => {
      await server.stop();
      server = await startBitwardenServer({
        seed: seed(),
        tls: {
          key: readFileSync(path.join(tls, 'server-key.pem')),
          cert: readFileSync(path.join(tls, 'server.pem')),
        },
      });
    });

    it('refuses a certificate from an unknown CA and says how to trust it', async () => {
      const failure = client().login();

      await expect(failure).rejects.toMatchObject({ code: 'TLS_FAILURE' });
      await expect(failure).rejects.toMatchObject({
        remedy: expect.stringContaining('NODE_EXTRA_CA_CERTS'),
      });
    });

    it('accepts it once the CA is configured', async () => {
      const transport = nodeHttpTransport({ ca: readFileSync(path.join(tls, 'ca.pem')) });

      await client({ transport }).importRequests([request(['u1'])]);

      expect(server.url.startsWith('https://')).toBe(true);
      expect(memberEmails()).toContain('u1@example.com');
    });
  });

  it('reads members and groups across pages', async () => {
    await server.stop();
    server = await startBitwardenServer({
      pageSize: 2,
      seed: seed({
        members: [
          { email: 'owner@example.com', type: 'owner', status: 'confirmed' },
          { email: 'a@example.com', externalId: 'a', type: 'user', status: 'invited' },
          { email: 'b@example.com', externalId: 'b', type: 'admin', status: 'revoked' },
          { email: 'c@example.com', type: 'user', status: 'staged' },
        ],
        groups: [
          { name: 'One', externalId: 'g1', members: ['a@example.com', 'b@example.com'] },
          { name: 'Two', members: [] },
          { name: 'Three', externalId: 'g3', members: ['c@example.com'] },
        ],
      }),
    });
    const sut = client();

    const members = await sut.listMembers();
    const groups = await sut.listGroups();

    expect(
      members.map(({ email, externalId, type, status }) => [email, externalId, type, status]),
    ).toEqual([
      ['owner@example.com', null, 'owner', 'confirmed'],
      ['a@example.com', 'a', 'user', 'invited'],
      ['b@example.com', 'b', 'admin', 'revoked'],
      ['c@example.com', null, 'user', 'staged'],
    ]);
    expect(groups.map((group) => [group.name, group.externalId])).toEqual([
      ['One', 'g1'],
      ['Two', null],
      ['Three', 'g3'],
    ]);
    const one = groups[0]?.id ?? '';
    const memberIds = await sut.groupMemberIds(one);
    const emailsById = new Map(members.map((member) => [member.id, member.email]));
    expect(memberIds.map((id) => emailsById.get(id)).sort()).toEqual([
      'a@example.com',
      'b@example.com',
    ]);
    expect(server.requests.filter((entry) => entry.path.includes('/public/members')).length).toBe(
      2,
    );
  });

  it('imports 11,000 members and 11 groups as a large import', async () => {
    const users = Array.from({ length: 11_000 }, (_, index) =>
      aUser(`user${String(index).padStart(5, '0')}`),
    );
    const groups = Array.from({ length: 11 }, (_, group) =>
      aGroup(`team${group}`, {
        users: users.filter((_, index) => index % 11 === group).map((user) => user.externalId),
      }),
    );
    const plan = planSync({
      users,
      groups,
      options: importOptions({ largeImport: true, inviteUsersAfterProvisioning: true }),
      destination: { apiUrl: server.apiUrl, organizationId: ORG_ID },
      previousFingerprint: null,
    });
    const progress: number[] = [];

    await client().importRequests(plan.requests, ({ request: done }) => progress.push(done));

    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const organization = server.organization(ORG_ID);
    expect(organization.members).toHaveLength(11_001);
    const imported = organization.members.filter(
      (member) => member.externalId !== null && member.externalId !== undefined,
    );
    expect(new Set(imported.map((member) => member.externalId))).toEqual(
      new Set(users.map((user) => user.externalId)),
    );
    expect(imported.every((member) => member.status === 'invited' && member.type === 'user')).toBe(
      true,
    );
    expect(organization.groups).toHaveLength(11);
    for (const group of organization.groups) {
      const index = Number(group.externalId?.replace('team', ''));
      expect(group.members).toHaveLength(1000);
      expect(
        group.members.every((email) => Number(/user(\d+)@/.exec(email)?.[1]) % 11 === index),
      ).toBe(true);
    }
  }, 60_000);

  it('refuses an API URL that is not in canonical form before sending anything', async () => {
    const failure = client({
      urls: { apiUrl: `${server.url}/x/../api`, identityUrl: server.identityUrl },
    }).importRequests([request(['u1'])]);

    await expect(failure).rejects.toBeInstanceOf(BitwardenError);
    await expect(failure).rejects.toMatchObject({ code: 'INVALID_SERVER_URL' });
    expect(importRequests()).toEqual([]);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

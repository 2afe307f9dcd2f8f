import { request } from 'node:https';

import { type OneLoginEmulator, startOneLoginEmulator } from './onelogin-emulator';
import {
  ONELOGIN_FIXTURE_CLIENT_ID,
  ONELOGIN_FIXTURE_CLIENT_SECRET,
  oneLoginFixture,
} from './onelogin-fixtures';
import { parseOneLoginSeed } from './onelogin-seed';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: unknown;
}

function call(
  on: OneLoginEmulator,
  path: string,
  options: { method?: string; body?: string; authorization?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${on.baseUrl}${path}`, {
      method: options.method ?? 'GET',
      ca: on.caPem,
      headers: {
        ...(options.body ? { 'content-type': 'application/json' } : {}),
        ...(options.authorization ? { authorization: options.authorization } : {}),
      },
    });
    outgoing.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          json: JSON.parse(text) as unknown,
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

async function tokenFor(on: OneLoginEmulator): Promise<string> {
  const answer = await call(on, '/auth/oauth2/v2/token', {
    method: 'POST',
    body: JSON.stringify({ grant_type: 'client_credentials' }),
    authorization: basic(ONELOGIN_FIXTURE_CLIENT_ID, ONELOGIN_FIXTURE_CLIENT_SECRET),
  });
  return (answer.json as { access_token: string }).access_token;
}

describe('the OneLogin emulator', () => {
  let emulator: OneLoginEmulator;

  beforeAll(async () => {
    emulator = await startOneLoginEmulator({
      ...oneLoginFixture(),
      faults: [{ path: /^\/api\/2\/roles$/, page: 2, status: 500, times: 1 }],
    });
  });

  afterAll(() => emulator.stop());

  it('grants a bearer token to known client credentials (Basic or OneLogin’s header) and refuses others', async () => {
    const body = JSON.stringify({ grant_type: 'client_credentials' });
    const good = await call(emulator, '/auth/oauth2/v2/token', {
      method: 'POST',
      body,
      authorization: basic(ONELOGIN_FIXTURE_CLIENT_ID, ONELOGIN_FIXTURE_CLIENT_SECRET),
    });
    expect(good.status).toBe(200);
    expect(good.json).toMatchObject({ token_type: 'bearer', expires_in: 36000 });

    const header = await call(emulator, '/auth/oauth2/v2/token', {
      method: 'POST',
      body,
      authorization: `client_id:${ONELOGIN_FIXTURE_CLIENT_ID}, client_secret:${ONELOGIN_FIXTURE_CLIENT_SECRET}`,
    });
    expect((header.json as { access_token: string }).access_token).toBe(
      (good.json as { access_token: string }).access_token,
    );

    const bad = await call(emulator, '/auth/oauth2/v2/token', {
      method: 'POST',
      body,
      authorization: basic(ONELOGIN_FIXTURE_CLIENT_ID, 'wrong'),
    });
    expect(bad.status).toBe(401);
    expect(bad.json).toEqual({
      statusCode: 401,
      name: 'Unauthorized',
      message: 'Authentication Failure',
    });
  });

  it('refuses API calls without a valid bearer token', async () => {
    expect((await call(emulator, '/api/2/users')).status).toBe(401);
    expect((await call(emulator, '/api/2/users', { authorization: 'Bearer nope' })).status).toBe(
      401,
    );
  });

  it('pages users with limit, then the After-Cursor, and sends the rate-limit headers', async () => {
    const authorization = `Bearer ${await tokenFor(emulator)}`;
    const first = await call(emulator, '/api/2/users?limit=3', { authorization });
    expect(first.json).toHaveLength(3);
    expect(first.headers).toMatchObject({
      'total-count': '8',
      'total-pages': '3',
      'current-page': '1',
      'x-ratelimit-limit': '5000',
    });
    const cursor = first.headers['after-cursor'] as string;
    const second = await call(emulator, `/api/2/users?cursor=${cursor}`, { authorization });
    expect((second.json as { id: number }[]).map((user) => user.id)).toEqual([
      53711004, 53711005, 53711006,
    ]);
    const third = await call(
      emulator,
      `/api/2/users?cursor=${second.headers['after-cursor'] as string}`,
      { authorization },
    );
    expect(third.json).toHaveLength(2);
    expect(third.headers['after-cursor']).toBeUndefined();
  });

  it('filters users by email with a wildcard, and lists role members', async () => {
    const authorization = `Bearer ${await tokenFor(emulator)}`;
    const users = await call(emulator, '/api/2/users?email=testuser1*', { authorization });
    expect((users.json as { id: number }[]).map((user) => user.id)).toEqual([53711001]);
    const members = await call(emulator, '/api/2/roles/952808/users', { authorization });
    expect(members.json).toEqual([
      expect.objectContaining({ id: 53711002, username: 'testuser2', assigned: true }),
      expect.objectContaining({ id: 53711005, username: 'TestUser5@bwrox.dev' }),
    ]);
    expect((await call(emulator, '/api/2/roles/1/users', { authorization })).status).toBe(404);
  });

  it('answers an injected fault on the page it names only', async () => {
    const authorization = `Bearer ${await tokenFor(emulator)}`;
    const first = await call(emulator, '/api/2/roles?limit=2', { authorization });
    expect(first.status).toBe(200);
    const cursor = first.headers['after-cursor'] as string;
    expect((await call(emulator, `/api/2/roles?cursor=${cursor}`, { authorization })).status).toBe(
      500,
    );
    expect((await call(emulator, `/api/2/roles?cursor=${cursor}`, { authorization })).status).toBe(
      200,
    );
  });

  it('logs requests without their secrets', () => {
    const token = emulator.requests.find((logged) => logged.path === '/auth/oauth2/v2/token');
    expect(token?.authorization).toBe('Basic [redacted]');
    expect(JSON.stringify(emulator.requests)).not.toContain(ONELOGIN_FIXTURE_CLIENT_SECRET);
  });
});

describe('the OneLogin emulator’s rate limit', () => {
  it('answers 429 past the limit, with the seconds left in X-RateLimit-Reset, then lets calls through', async () => {
    const emulator = await startOneLoginEmulator({
      ...oneLoginFixture(),
      rateLimit: { limit: 2, windowSeconds: 1 },
    });
    try {
      const authorization = `Bearer ${await tokenFor(emulator)}`;
      expect((await call(emulator, '/api/2/roles', { authorization })).status).toBe(200);
      const last = await call(emulator, '/api/2/roles', { authorization });
      expect(last.headers['x-ratelimit-remaining']).toBe('0');
      const refused = await call(emulator, '/api/2/roles', { authorization });
      expect(refused.status).toBe(429);
      expect(refused.headers['x-ratelimit-reset']).toBe('1');
      await new Promise((resolve) => setTimeout(resolve, 1_050));
      expect((await call(emulator, '/api/2/roles', { authorization })).status).toBe(200);
    } finally {
      await emulator.stop();
    }
  });
});

describe('the OneLogin emulator’s latency', () => {
  it('adds the configured latency before every answer', async () => {
    const emulator = await startOneLoginEmulator({ ...oneLoginFixture(), latencyMs: 150 });
    try {
      const started = Date.now();
      await tokenFor(emulator);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await emulator.stop();
    }
  });
});

describe('parseOneLoginSeed', () => {
  it('reads a JSON seed and refuses one without its arrays', () => {
    expect(parseOneLoginSeed('{"clients":[],"users":[{"id":1}],"roles":[]}').users).toHaveLength(1);
    expect(() => parseOneLoginSeed('{"users":[]}')).toThrow(/clients, users and roles/);
  });
});

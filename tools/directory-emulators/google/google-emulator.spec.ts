import { createSign, generateKeyPairSync } from 'node:crypto';
import { request } from 'node:https';

import { GOOGLE_FIXTURE_ADMIN, googleWorkspaceFixture } from './google-fixtures';
import { type GoogleEmulator, startGoogleEmulator } from './google-emulator';
import { GOOGLE_READONLY_SCOPES } from './google-seed';

const CLIENT_EMAIL = 'sa@project.iam.gserviceaccount.com';
const keyPair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
const key = keyPair();

let emulator: GoogleEmulator;

beforeAll(async () => {
  emulator = await startGoogleEmulator({
    customers: [googleWorkspaceFixture()],
    serviceAccounts: [{ clientEmail: CLIENT_EMAIL, publicKeyPem: key.publicKey }],
    throttle: { burst: 8, retryAfterSeconds: 2 },
  });
});

afterAll(() => emulator.stop());

function assertion(privateKey: string, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${encode({ alg: 'RS256' })}.${encode({
    iss: CLIENT_EMAIL,
    sub: GOOGLE_FIXTURE_ADMIN,
    scope: GOOGLE_READONLY_SCOPES.join(' '),
    aud: 'https://oauth2.googleapis.com/token',
    iat: now,
    exp: now + 3600,
    ...claims,
  })}`;
  return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`;
}

function call(url: string, options: { method?: string; body?: string; token?: string } = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, unknown>;
    json: Record<string, unknown>;
  }>((resolve, reject) => {
    const outgoing = request(url, {
      method: options.method ?? 'GET',
      ca: emulator.caPem,
      headers: {
        ...(options.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
    });
    outgoing.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          json: JSON.parse(text) as Record<string, unknown>,
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const grant = (jws: string) =>
  call(emulator.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      assertion: jws,
    }).toString(),
  });

describe('the token endpoint', () => {
  it('grants a token for an assertion signed with the seeded key', async () => {
    const answer = await grant(assertion(key.privateKey));

    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
  });

  it('answers invalid_grant 400 to a signature by another key, as Google does', async () => {
    const answer = await grant(assertion(keyPair().privateKey));

    expect(answer).toMatchObject({
      status: 400,
      json: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' },
    });
  });

  it.each([
    ['another audience', { aud: 'https://example.test/token' }],
    ['an expired assertion', { iat: 1_000, exp: 4_600 }],
    ['an assertion valid for two hours', { exp: Math.floor(Date.now() / 1000) + 7200 }],
    ['an unknown admin user', { sub: 'nobody@example.test' }],
    ['an unknown service account', { iss: 'other@project.iam.gserviceaccount.com' }],
  ])('refuses %s with invalid_grant', async (_, claims) => {
    expect(await grant(assertion(key.privateKey, claims))).toMatchObject({
      status: 400,
      json: { error: 'invalid_grant' },
    });
  });

  it('refuses scopes the delegation does not grant with unauthorized_client 401', async () => {
    const answer = await grant(
      assertion(key.privateKey, { scope: 'https://www.googleapis.com/auth/admin.directory.user' }),
    );

    expect(answer).toMatchObject({ status: 401, json: { error: 'unauthorized_client' } });
  });
});

describe('the Directory API', () => {
  it('needs a token, pages users, checks maxResults, and throttles past the burst', async () => {
    const token = String((await grant(assertion(key.privateKey))).json['access_token']);
    const users = `${emulator.rootUrl}admin/directory/v1/users`;

    expect((await call(`${users}?customer=my_customer`)).status).toBe(401);
    expect((await call(`${users}?customer=my_customer&maxResults=501`, { token })).status).toBe(
      400,
    );
    expect((await call(users, { token })).status).toBe(400);

    const first = await call(`${users}?domain=example.test&maxResults=3`, { token });
    const second = await call(
      `${users}?domain=example.test&maxResults=3&pageToken=${String(first.json['nextPageToken'])}`,
      { token },
    );
    const deleted = await call(`${users}?customer=my_customer&showDeleted=true`, { token });
    expect(first.json['users']).toHaveLength(3);
    expect(second.json['users']).toHaveLength(3);
    expect((deleted.json['users'] as { id: string }[]).map((u) => u.id)).toEqual(['u7']);

    const members = await call(
      `${emulator.rootUrl}admin/directory/v1/groups/g-all%40example.test/members`,
      { token },
    );
    expect(members.json['members']).toEqual([
      expect.objectContaining({ type: 'CUSTOMER', id: 'C0fixture' }),
    ]);

    const answers = [];
    for (let n = 0; n < 5; n += 1) {
      answers.push(await call(`${users}?domain=example.test`, { token }));
    }
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]?.headers['retry-after']).toBe('2');
    expect(refused[0]?.json).toMatchObject({
      error: { code: 429, errors: [{ reason: 'rateLimitExceeded' }] },
    });
  });
});

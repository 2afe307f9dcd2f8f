import * as https from 'node:https';

import { parseOktaFilter } from './okta-filter';
import { OKTA_FIXTURE_TOKEN, oktaOrgFixture } from './okta-fixtures';
import { type OktaEmulator, startOktaEmulator } from './okta-emulator';

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: unknown;
}

function get(emulator: OktaEmulator, path: string, token = OKTA_FIXTURE_TOKEN): Promise<Reply> {
  return new Promise((resolve, reject) => {
    https
      .get(
        `${emulator.orgUrl}${path}`,
        { ca: emulator.caPem, headers: { authorization: `SSWS ${token}` } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
            }),
          );
        },
      )
      .on('error', reject);
  });
}

describe('the Okta emulator', () => {
  let emulator: OktaEmulator;
  afterEach(async () => emulator?.stop());

  it('lists users but the deprovisioned ones, and pages with an absolute rel="next" link', async () => {
    emulator = await startOktaEmulator(oktaOrgFixture());
    const first = await get(emulator, '/api/v1/users?limit=3');

    expect(first.status).toBe(200);
    expect((first.body as unknown[]).length).toBe(3);
    const next = /<([^>]+)>; rel="next"/.exec(String(first.headers['link']))?.[1] ?? '';
    expect(next.startsWith(emulator.orgUrl)).toBe(true);
    const second = await get(emulator, next.slice(emulator.orgUrl.length));
    expect((second.body as unknown[]).length).toBe(2);
    expect(String(second.headers['link'])).not.toContain('rel="next"');
  });

  it('answers a bad token with 401 and Okta’s error body', async () => {
    emulator = await startOktaEmulator(oktaOrgFixture());
    const reply = await get(emulator, '/api/v1/users', 'wrong');

    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({
      errorCode: 'E0000011',
      errorSummary: 'Invalid token provided',
    });
  });

  it('sends the rate-limit headers and answers 429 past the limit of its window', async () => {
    emulator = await startOktaEmulator({
      ...oktaOrgFixture(),
      rateLimit: { limit: 2, windowMs: 60_000 },
    });
    const replies = [];
    for (let call = 0; call < 3; call += 1) {
      replies.push(await get(emulator, '/api/v1/groups'));
    }

    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 429]);
    expect(replies[0]?.headers['x-rate-limit-remaining']).toBe('1');
    expect(replies[2]?.body).toMatchObject({ errorCode: 'E0000047' });
    expect(Number(replies[2]?.headers['x-rate-limit-reset'])).toBeGreaterThan(
      Date.now() / 1000 - 1,
    );
  });

  it('filters by status and lastUpdated, as the provider asks', async () => {
    emulator = await startOktaEmulator(oktaOrgFixture());
    const deprovisioned = await get(
      emulator,
      `/api/v1/users?filter=${encodeURIComponent('status eq "DEPROVISIONED"')}`,
    );
    expect((deprovisioned.body as { id: string }[]).map((user) => user.id)).toEqual([
      '00u00000000000000006',
    ]);
    const bad = await get(emulator, `/api/v1/users?filter=${encodeURIComponent('status eq')}`);
    expect(bad.status).toBe(400);
  });
});

describe('parseOktaFilter', () => {
  it.each([
    ['status eq "ACTIVE"', { status: 'ACTIVE' }, true],
    [
      '(status eq "ACTIVE" or status eq "SUSPENDED") and profile.department eq "Eng"',
      { status: 'SUSPENDED', profile: { department: 'Eng' } },
      true,
    ],
    [
      'lastUpdated gt "2024-01-01T00:00:00.000Z"',
      { lastUpdated: '2023-12-31T00:00:00.000Z' },
      false,
    ],
    ['profile.name sw "integration"', { profile: { name: 'Integration Test Group A' } }, true],
  ])('%s', (filter, object, expected) => {
    expect(parseOktaFilter(filter)(object)).toBe(expected);
  });
});

import { request as httpsRequest } from 'node:https';

import { startEntraEmulator, type EntraEmulator } from './entra-emulator';
import { generatedTenant, objectId } from './entra-tenant';
import { UPSTREAM_TENANT_IDS as IDS, upstreamTestTenant } from './upstream-test-tenant';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Record<string, unknown>;
}

function call(
  emulator: EntraEmulator,
  url: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(
      url,
      { method: options.method ?? 'GET', ca: emulator.caPem, headers: options.headers ?? {} },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

async function token(emulator: EntraEmulator, secret: string = IDS.clientSecret): Promise<Answer> {
  return call(emulator, `${emulator.url}/${IDS.tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: IDS.clientId,
      client_secret: secret,
      grant_type: 'client_credentials',
      scope: `${emulator.graphUrl}/.default`,
    }).toString(),
  });
}

async function graph(emulator: EntraEmulator, path: string, accessToken: string): Promise<Answer> {
  const url = path.startsWith('https://') ? path : `${emulator.graphUrl}/v1.0${path}`;
  return call(emulator, url, { headers: { authorization: `Bearer ${accessToken}` } });
}

describe('startEntraEmulator', () => {
  let emulator: EntraEmulator;

  beforeAll(async () => {
    emulator = await startEntraEmulator({ tenants: [upstreamTestTenant()] });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  it('serves the tenant’s OpenID configuration with an issuer on its own origin', async () => {
    const answer = await call(
      emulator,
      `${emulator.url}/${IDS.tenant}/v2.0/.well-known/openid-configuration`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      issuer: `${emulator.url}/${IDS.tenant}/v2.0`,
      token_endpoint: `${emulator.url}/${IDS.tenant}/oauth2/v2.0/token`,
    });
  });

  it('issues a token for the right secret and an AADSTS 401 for a wrong one', async () => {
    const good = await token(emulator);
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });

    const bad = await token(emulator, 'nope');
    expect(bad.status).toBe(401);
    expect(bad.body['error']).toBe('invalid_client');
    expect(String(bad.body['error_description'])).toMatch(/^AADSTS7000215: Invalid client secret/);
  });

  it('refuses Graph calls without a token it issued', async () => {
    const answer = await graph(emulator, '/users', 'forged');
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
  });

  it('pages /users with $top and absolute nextLinks, and projects $select', async () => {
    const accessToken = String((await token(emulator)).body['access_token']);
    const first = await graph(emulator, '/users?$select=mail&$top=5', accessToken);
    const value = first.body['value'] as Record<string, unknown>[];
    expect(value).toHaveLength(5);
    expect(Object.keys(value[0] ?? {}).sort()).toEqual(['id', 'mail']);
    const next = String(first.body['@odata.nextLink']);
    expect(next).toBe(`${emulator.graphUrl}/v1.0/users?$select=mail&$top=5&$skiptoken=5`);
    const second = await graph(emulator, next, accessToken);
    // 8 current users: the soft-deleted one is listed only by the delta query.
    expect(second.body['value']).toHaveLength(3);
    expect(second.body['@odata.nextLink']).toBeUndefined();
    expect((await graph(emulator, '/users?$top=1000', accessToken)).status).toBe(400);
  });

  it('lists direct members with their @odata.type, and transitive members through nesting', async () => {
    const accessToken = String((await token(emulator)).body['access_token']);
    const direct = await graph(
      emulator,
      `/groups/${IDS.groups.engineering}/members?$select=id`,
      accessToken,
    );
    expect(direct.body['value']).toEqual([
      { '@odata.type': '#microsoft.graph.user', id: IDS.users.fgarcia },
      { '@odata.type': '#microsoft.graph.group', id: IDS.groups.platform },
      { '@odata.type': '#microsoft.graph.user', id: IDS.users.guest },
    ]);
    const transitive = await graph(
      emulator,
      `/groups/${IDS.groups.engineering}/transitiveMembers?$select=id`,
      accessToken,
    );
    expect(
      (transitive.body['value'] as { id: string }[]).map((member) => member.id).sort(),
    ).toEqual(
      [
        IDS.users.fgarcia,
        IDS.groups.platform,
        IDS.users.guest,
        IDS.users.hgonzalez,
        IDS.users.dlee,
      ].sort(),
    );
    const unit = await graph(
      emulator,
      `/directory/administrativeUnits/${IDS.administrativeUnits.europe}/members?$select=displayName`,
      accessToken,
    );
    expect(unit.body['value']).toEqual([
      {
        '@odata.type': '#microsoft.graph.group',
        id: IDS.groups.engineering,
        displayName: 'Engineering',
      },
      {
        '@odata.type': '#microsoft.graph.user',
        id: IDS.users.fgarcia,
        displayName: 'fgarcia@bwrox.dev',
      },
    ]);
    expect(
      (await graph(emulator, `/groups/${objectId('g', 99)}/members`, accessToken)).status,
    ).toBe(404);
  });

  it('reports soft-deleted users in /users/delta and, from the deltaLink, only later deletions', async () => {
    const accessToken = String((await token(emulator)).body['access_token']);
    const first = await graph(emulator, '/users/delta?$select=id', accessToken);
    expect(first.body['value']).toContainEqual({
      id: IDS.users.ideleted,
      '@removed': { reason: 'changed' },
    });
    const deltaLink = String(first.body['@odata.deltaLink']);
    expect(deltaLink).toBe(`${emulator.graphUrl}/v1.0/users/delta?$deltatoken=0`);

    emulator.deleteUser(IDS.tenant, IDS.users.emiller);
    const later = await graph(emulator, deltaLink, accessToken);
    expect(later.body['value']).toEqual([
      { id: IDS.users.emiller, '@removed': { reason: 'changed' } },
    ]);
  });

  it('answers a $batch of GETs one by one, and refuses more than 20', async () => {
    const accessToken = String((await token(emulator)).body['access_token']);
    const post = (requests: object[]) =>
      call(emulator, `${emulator.graphUrl}/v1.0/$batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ requests }),
      });
    const answer = await post([
      { id: 'a', method: 'GET', url: `/groups/${IDS.groups.platform}/members?$select=id` },
      { id: 'b', method: 'GET', url: `/groups/${objectId('g', 99)}/members` },
    ]);
    expect(answer.status).toBe(200);
    expect(answer.body['responses']).toEqual([
      {
        id: 'a',
        status: 200,
        headers: {},
        body: {
          value: [
            { '@odata.type': '#microsoft.graph.user', id: IDS.users.hgonzalez },
            { '@odata.type': '#microsoft.graph.user', id: IDS.users.dlee },
          ],
        },
      },
      expect.objectContaining({ id: 'b', status: 404 }),
    ]);
    expect(emulator.requests.filter((entry) => entry.inBatch)).toHaveLength(2);
    const tooMany = Array.from({ length: 21 }, (_, id) => ({ id, method: 'GET', url: '/users' }));
    expect((await post(tooMany)).status).toBe(400);
  });

  it('logs every request with its server, tenant and status', () => {
    expect(emulator.requests).toContainEqual({
      server: 'login',
      method: 'POST',
      url: `/${IDS.tenant}/oauth2/v2.0/token`,
      status: 401,
      tenant: IDS.tenant,
    });
  });
});

describe('startEntraEmulator throttling and latency', () => {
  it('answers 429 with Retry-After past the burst, and waits latencyMs before each answer', async () => {
    const application = { clientId: 'app', clientSecret: 'secret' };
    const emulator = await startEntraEmulator({
      tenants: [generatedTenant({ id: 't.test', application, users: 3, groups: 1 })],
      throttle: { burst: 2, windowMs: 5000 },
      latencyMs: 50,
    });
    try {
      const issued = await call(emulator, `${emulator.url}/t.test/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({
          client_id: 'app',
          client_secret: 'secret',
          grant_type: 'client_credentials',
          scope: `${emulator.graphUrl}/.default`,
        }).toString(),
      });
      const accessToken = String(issued.body['access_token']);
      const started = Date.now();
      const answers = await Promise.all(
        [1, 2, 3].map(() => graph(emulator, '/users', accessToken)),
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(45);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 429]);
      const throttled = answers.find((answer) => answer.status === 429);
      expect(Number(throttled?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(throttled?.body).toMatchObject({ error: { code: 'TooManyRequests' } });
    } finally {
      await emulator.stop();
    }
  });
});

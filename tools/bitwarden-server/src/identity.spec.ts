import { decodeJwtPayload } from './jwt';
import { API_KEY, ORG_ID, requestToken, startServer, stopServers, tokenForm } from './spec-helpers';

afterEach(stopServers);

describe('POST /connect/token', () => {
  it('issues an organization token as a three-part JWT with the real claims', async () => {
    const server = await startServer({}, { tokenLifetimeSeconds: 600 });
    const before = Math.floor(Date.now() / 1000);

    const response = await requestToken(server.identityUrl);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type']);
    expect(body).toMatchObject({
      expires_in: 600,
      token_type: 'Bearer',
      scope: 'api.organization',
    });
    const token = body['access_token'] as string;
    expect(token.split('.')).toHaveLength(3);
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString());
    expect(header).toEqual({ alg: 'HS256', typ: 'at+jwt' });
    const claims = decodeJwtPayload(token) ?? {};
    expect(claims).toMatchObject({
      iss: server.identityUrl,
      scope: ['api.organization'],
      client_id: `organization.${ORG_ID}`,
      client_sub: ORG_ID,
      client_type: 'Organization',
    });
    expect(claims['iat']).toBeGreaterThanOrEqual(before);
    expect(claims['nbf']).toBe(claims['iat']);
    expect(claims['exp']).toBe((claims['iat'] as number) + 600);
    expect(typeof claims['jti']).toBe('string');
  });

  it('defaults to a 3600 s lifetime and serves the cloud layout at the root', async () => {
    const server = await startServer();

    const response = await requestToken(server.url);

    expect(response.status).toBe(200);
    expect(((await response.json()) as Record<string, unknown>)['expires_in']).toBe(3600);
  });

  it('ignores device fields and unknown fields, and accepts an upper-case org GUID', async () => {
    const server = await startServer();
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: `organization.${ORG_ID.toUpperCase()}`,
      client_secret: API_KEY,
      scope: 'api.organization',
      whatever: 'x',
    }).toString();

    expect((await requestToken(server.identityUrl, body)).status).toBe(200);
  });

  it.each([
    ['an unknown org', { client_id: 'organization.00000000-0000-4000-8000-000000000000' }],
    ['a malformed id', { client_id: 'organization.bad' }],
    ['an empty id', { client_id: 'organization.' }],
    ['a user client id', { client_id: 'user.00000000-0000-4000-8000-000000000000' }],
    ['a wrong secret', { client_secret: 'nope' }],
    ['a missing secret', { client_secret: '' }],
  ])('answers 400 invalid_client for %s', async (_label, fields) => {
    const server = await startServer();

    const response = await requestToken(server.identityUrl, tokenForm(fields));

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_client' });
  });

  it.each([
    ['disabled', { enabled: false }],
    ['without API access', { useApi: false }],
  ])('answers invalid_client for an org that is %s', async (_label, organization) => {
    const server = await startServer(organization);

    const response = await requestToken(server.identityUrl);

    expect(await response.json()).toEqual({ error: 'invalid_client' });
  });

  it.each([
    ['a missing scope', ''],
    ['another scope', 'api'],
    ['an extra scope', 'api.organization offline_access'],
  ])('answers 400 invalid_scope for %s', async (_label, scope) => {
    const server = await startServer();

    const response = await requestToken(server.identityUrl, tokenForm({ scope }));

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_scope' });
  });

  it.each(['password', 'refresh_token', ''])(
    'answers 400 unsupported_grant_type for grant_type=%j',
    async (grantType) => {
      const server = await startServer();

      const response = await requestToken(server.identityUrl, tokenForm({ grant_type: grantType }));

      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'unsupported_grant_type' });
    },
  );

  it('answers invalid_request to a body that is not form-encoded', async () => {
    const server = await startServer();

    const response = await fetch(`${server.identityUrl}/connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'invalid_request' });
  });
});

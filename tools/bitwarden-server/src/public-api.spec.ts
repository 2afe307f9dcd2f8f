import { OWNER, apiGet, accessToken, startServer, stopServers, ORG_ID } from './spec-helpers';

afterEach(stopServers);

const members = [
  OWNER,
  {
    email: 'ada@example.com',
    externalId: 'ada',
    type: 'admin' as const,
    status: 'revoked' as const,
  },
  {
    email: 'bob@example.com',
    externalId: 'bob',
    type: 'custom' as const,
    status: 'staged' as const,
  },
];
const groups = [
  { name: 'Eng', externalId: 'eng', members: ['ada@example.com', 'bob@example.com'] },
  { name: 'Ops', externalId: null, members: [] },
];

describe('Public API list endpoints', () => {
  it('lists members in the public member model', async () => {
    const server = await startServer({ members, groups });
    const token = await accessToken(server);

    const response = await apiGet(server, '/public/members', token);

    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: Record<string, unknown>[] };
    expect(body).toMatchObject({ object: 'list', continuationToken: null });
    expect(body.data.map((member) => [member['email'], member['type'], member['status']])).toEqual([
      ['owner@example.com', 0, 2],
      ['ada@example.com', 1, -1],
      ['bob@example.com', 4, 3],
    ]);
    expect(body.data[1]).toEqual({
      object: 'member',
      id: server.organization(ORG_ID).members[1]?.id,
      userId: null,
      email: 'ada@example.com',
      externalId: 'ada',
      type: 1,
      status: -1,
      name: null,
      twoFactorEnabled: false,
      resetPasswordEnrolled: false,
      collections: [],
    });
  });

  it('lists groups and a group member ids, on the cloud layout too', async () => {
    const server = await startServer({ members, groups });
    const token = await accessToken(server);
    const snapshot = server.organization(ORG_ID);

    const list = (await (
      await fetch(`${server.url}/public/groups`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { data: unknown[] };
    const ids = await apiGet(server, `/public/groups/${snapshot.groups[0]?.id}/member-ids`, token);

    expect(list.data).toEqual([
      {
        object: 'group',
        id: snapshot.groups[0]?.id,
        name: 'Eng',
        externalId: 'eng',
        collections: [],
      },
      {
        object: 'group',
        id: snapshot.groups[1]?.id,
        name: 'Ops',
        externalId: null,
        collections: [],
      },
    ]);
    expect(await ids.json()).toEqual([snapshot.members[1]?.id, snapshot.members[2]?.id]);
  });

  it('answers 404 for an unknown group', async () => {
    const server = await startServer();
    const token = await accessToken(server);

    const response = await apiGet(
      server,
      '/public/groups/00000000-0000-4000-8000-000000000000/member-ids',
      token,
    );

    expect(response.status).toBe(404);
  });

  it('pages with continuationToken when pageSize is set', async () => {
    const server = await startServer({ members }, { pageSize: 2 });
    const token = await accessToken(server);

    const first = (await (await apiGet(server, '/public/members', token)).json()) as {
      data: { email: string }[];
      continuationToken: string | null;
    };
    const second = (await (
      await apiGet(
        server,
        `/public/members?continuationToken=${encodeURIComponent(first.continuationToken ?? '')}`,
        token,
      )
    ).json()) as { data: { email: string }[]; continuationToken: string | null };

    expect(first.data.map((member) => member.email)).toEqual([
      'owner@example.com',
      'ada@example.com',
    ]);
    expect(first.continuationToken).not.toBeNull();
    expect(second.data.map((member) => member.email)).toEqual(['bob@example.com']);
    expect(second.continuationToken).toBeNull();
  });
});

describe('API authentication', () => {
  const now = (): number => Math.floor(Date.now() / 1000);

  it('answers 401 with WWW-Authenticate: Bearer and no body without a token', async () => {
    const server = await startServer();

    const response = await fetch(`${server.apiUrl}/public/members`);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.text()).toBe('');
  });

  it.each([
    ['a garbage token', () => 'not.a.jwt'],
    ['an expired token', (iss: string) => ({ iss, exp: now() - 10, scope: ['api.organization'] })],
    [
      'a foreign issuer',
      () => ({ iss: 'https://elsewhere', exp: now() + 60, scope: ['api.organization'] }),
    ],
  ])('answers 401 for %s', async (_label, build) => {
    const server = await startServer();
    const claims = build(server.identityUrl);
    const token =
      typeof claims === 'string' ? claims : server.signToken({ ...claims, client_sub: ORG_ID });

    const response = await apiGet(server, '/public/members', token);

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('answers 401 for a token with a bad signature', async () => {
    const server = await startServer();
    const [header, payload] = (await accessToken(server)).split('.');

    const response = await apiGet(server, '/public/members', `${header}.${payload}.AAAA`);

    expect(response.status).toBe(401);
  });

  it('answers 403 for a valid token without the api.organization scope', async () => {
    const server = await startServer();
    const token = server.signToken({ iss: server.identityUrl, exp: now() + 60, scope: ['api'] });

    const response = await apiGet(server, '/public/members', token);

    expect(response.status).toBe(403);
    expect(await response.text()).toBe('');
  });

  it('answers 404 "Resource not found." when the token org no longer exists', async () => {
    const server = await startServer();
    const token = server.signToken({
      iss: server.identityUrl,
      exp: now() + 60,
      scope: ['api.organization'],
      client_sub: '00000000-0000-4000-8000-000000000000',
    });

    const members = await apiGet(server, '/public/members', token);
    const imported = await fetch(`${server.apiUrl}/public/organization/import`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ overwriteExisting: false, groups: [], members: [] }),
    });

    const notFound = { object: 'error', message: 'Resource not found.', errors: null };
    expect([members.status, await members.json()]).toEqual([404, notFound]);
    expect([imported.status, await imported.json()]).toEqual([404, notFound]);
  });
});

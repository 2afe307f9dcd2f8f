import type { ConnectorBridge } from '../shared/connector-bridge';
import { CONNECTOR_CHANNELS } from '../shared/connector-channels';
import { ConnectorCallError, connectorClient } from '../shared/connector-client';
import { HttpBridgeError, httpInvoke } from '../shared/http-invoke';
import { startDesktopTestHost, type DesktopTestHost } from './start-desktop-test-host';
import { rawRequest } from './testing/raw-request';
import { recordingBridge } from '../main/ipc/testing/recording-bridge';

const LIMIT = 4_096;

describe('the test host’s bridge calls', () => {
  let host: DesktopTestHost;
  let calls: [string, unknown[]][];
  let client: ConnectorBridge;

  beforeEach(async () => {
    const recording = recordingBridge();
    calls = recording.calls;
    host = await startDesktopTestHost({ bridge: recording.bridge, maxBodyBytes: LIMIT });
    client = connectorClient(httpInvoke(host.url, host.token));
  });

  afterEach(() => host.stop());

  /** A well-formed bridge call with the given changes. */
  const call = (
    options: {
      path?: string;
      method?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
    } = {},
  ) =>
    rawRequest(host.url, {
      path: options.path ?? `/bridge/${CONNECTOR_CHANNELS.isLoggedIn}`,
      method: options.method ?? 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Bridge-Token': host.token,
        ...options.headers,
      },
      body: options.body ?? JSON.stringify({ args: [] }),
    });
  const errorOf = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

  it('carries calls and results through main’s handlers, as the preload would', async () => {
    await expect(client.login({ clientId: 'organization.x', clientSecret: 's' })).resolves.toEqual({
      organizationId: 'org-1',
    });
    await expect(client.lastSync('groups')).resolves.toBe('2026-11-26T10:00:00.000Z');
    await expect(client.logout()).resolves.toBeUndefined();
    expect(calls).toEqual([
      ['login', [{ clientId: 'organization.x', clientSecret: 's' }]],
      ['lastSync', ['groups']],
      ['logout', []],
    ]);
  });

  it('hands a typed failure over with its code, side and remedy', async () => {
    await expect(client.test({ sinceLast: false })).rejects.toMatchObject({
      name: 'ConnectorCallError',
      message: 'You are not logged in.',
      code: 'NOT_LOGGED_IN',
      side: 'configuration',
      remedy: 'Log in first.',
    });
  });

  it('refuses arguments a channel does not take in main’s envelope, calling nothing', async () => {
    const invoke = httpInvoke(host.url, host.token);

    const failure = await client.lastSync('computers' as 'users').catch((error: unknown) => error);
    const raw = await invoke(CONNECTOR_CHANNELS.login, { clientId: 'a', clientSecret: 'b', x: 1 });

    expect(failure).toBeInstanceOf(ConnectorCallError);
    expect(failure).toMatchObject({ code: 'IPC_INVALID_ARGUMENTS', side: 'configuration' });
    expect(raw).toMatchObject({ ok: false, error: { code: 'IPC_INVALID_ARGUMENTS' } });
    expect(calls).toEqual([]);
  });

  it.each([
    ['a wrong token', { 'X-Bridge-Token': 'not-the-token' }],
    ['the token of another start', { 'X-Bridge-Token': 'A'.repeat(43) }],
    ['an empty token', { 'X-Bridge-Token': '' }],
  ])('answers %s with 401, calling nothing', async (_case, headers) => {
    const response = await call({ headers });

    expect(response.status).toBe(401);
    expect(errorOf(response.body)).toBe('TEST_HOST_TOKEN');
    expect(calls).toEqual([]);
  });

  it('answers a call without a token with 401, and httpInvoke rejects it', async () => {
    const response = await rawRequest(host.url, {
      path: `/bridge/${CONNECTOR_CHANNELS.logout}`,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"args":[]}',
    });
    const viaClient = connectorClient(httpInvoke(host.url, 'wrong')).logout();

    expect(response.status).toBe(401);
    await expect(viaClient).rejects.toBeInstanceOf(HttpBridgeError);
    await expect(viaClient).rejects.toMatchObject({ status: 401, code: 'TEST_HOST_TOKEN' });
    expect(calls).toEqual([]);
  });

  it.each(['https://evil.example', 'http://127.0.0.1:1', 'null'])(
    'answers a page at Origin %s with 403, token or not',
    async (origin) => {
      const response = await call({
        path: `/bridge/${CONNECTOR_CHANNELS.logout}`,
        headers: { Origin: origin },
      });

      expect(response.status).toBe(403);
      expect(errorOf(response.body)).toBe('TEST_HOST_FOREIGN_ORIGIN');
      expect(calls).toEqual([]);
    },
  );

  it('accepts its own Origin and hands it to the handler as the sender', async () => {
    const response = await call({ headers: { Origin: host.url } });

    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: true });
  });

  it('answers a request addressed to another host name (DNS rebinding) with 403', async () => {
    const response = await call({ headers: { Host: `rebound.example:${new URL(host.url).port}` } });

    expect(response.status).toBe(403);
    expect(errorOf(response.body)).toBe('TEST_HOST_FOREIGN_HOST');
  });

  it('answers a channel that is not in the map with 404 and a JSON error', async () => {
    const response = await call({
      path: '/bridge/connector:read-file',
      body: '{"args":["/etc/passwd"]}',
    });
    const viaInvoke = httpInvoke(host.url, host.token)('connector:read-file');

    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(response.body)).toEqual({
      error: {
        code: 'TEST_HOST_UNKNOWN_CHANNEL',
        message: "No handler registered for 'connector:read-file'.",
      },
    });
    await expect(viaInvoke).rejects.toMatchObject({ status: 404 });
  });

  it.each([
    ['GET', 405, 'TEST_HOST_METHOD'],
    ['PUT', 405, 'TEST_HOST_METHOD'],
    ['OPTIONS', 405, 'TEST_HOST_METHOD'],
  ])('answers %s with %i', async (method, status, code) => {
    // No body: Node's parser refuses a GET that streams one before the host sees it.
    const response = await rawRequest(host.url, {
      path: `/bridge/${CONNECTOR_CHANNELS.logout}`,
      method,
      headers: { 'X-Bridge-Token': host.token },
    });

    expect(response.status).toBe(status);
    expect(response.headers['allow']).toBe('POST');
    expect(errorOf(response.body)).toBe(code);
  });

  it.each([
    ['a form body', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'args=1', 415],
    ['text/plain', { 'Content-Type': 'text/plain' }, '{"args":[]}', 415],
    ['JSON that does not parse', {}, '{"args":', 400],
    ['a body without args', {}, '{}', 400],
    ['args that are not a list', {}, '{"args":{"0":1}}', 400],
  ])('refuses %s', async (_case, headers, body, status) => {
    const response = await call({ headers, body });

    expect(response.status).toBe(status);
    expect(calls).toEqual([]);
  });

  it('accepts application/json with a charset', async () => {
    const response = await call({ headers: { 'Content-Type': 'application/json; charset=UTF-8' } });

    expect(response.status).toBe(200);
  });

  it('refuses a body over the limit, announced or only streamed', async () => {
    const large = JSON.stringify({ args: [{ clientId: 'x'.repeat(LIMIT), clientSecret: 's' }] });

    const announced = await call({ path: `/bridge/${CONNECTOR_CHANNELS.login}`, body: large });
    const streamed = await call({
      path: `/bridge/${CONNECTOR_CHANNELS.login}`,
      headers: { 'Transfer-Encoding': 'chunked' },
      body: large,
    });

    expect([announced.status, streamed.status]).toEqual([413, 413]);
    expect(errorOf(streamed.body)).toBe('TEST_HOST_BODY_TOO_LARGE');
    expect(calls).toEqual([]);
  });

  it('sends no CORS header, even to a preflight', async () => {
    const preflight = await rawRequest(host.url, {
      path: `/bridge/${CONNECTOR_CHANNELS.login}`,
      method: 'OPTIONS',
      headers: {
        Origin: host.url,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, x-bridge-token',
      },
    });
    const answered = await call({ headers: { Origin: host.url } });

    for (const response of [preflight, answered]) {
      expect(
        Object.keys(response.headers).filter((name) => name.startsWith('access-control-')),
      ).toEqual([]);
    }
  });
});

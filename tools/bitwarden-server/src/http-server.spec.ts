import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { startBitwardenServer } from './http-server';
import {
  accessToken,
  importBody,
  organizationSeed,
  postImport,
  requestToken,
  startServer,
  stopServers,
  ORG_ID,
} from './spec-helpers';

afterEach(stopServers);

/** A raw request, so that bodies can be streamed without Content-Length. */
function rawPost(
  url: string,
  headers: Record<string, string>,
  chunks: (string | Buffer)[],
  pauseBetweenChunksMs = 0,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    void (async () => {
      for (const chunk of chunks) {
        request.write(chunk);
        await new Promise((wait) => setTimeout(wait, pauseBetweenChunksMs));
      }
      request.end();
    })();
  });
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});
describe('URL layouts', () => {
  it('uses a lower-case loopback base URL with a port and no trailing slash', async () => {
    const server = await startServer();

    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.identityUrl).toBe(`${server.url}/identity`);
    expect(server.apiUrl).toBe(`${server.url}/api`);
  });

  it('imports on both the self-hosted and the cloud layout', async () => {
    const server = await startServer();
    const token = await accessToken(server);
    const body = importBody({ members: [{ email: 'a@example.com', externalId: 'a' }] });

    const selfHosted = await postImport(server, body, { token });
    const cloud = await postImport(server, body, { token, apiUrl: server.url });

    expect([selfHosted.status, cloud.status]).toEqual([200, 200]);
    expect(server.requests.map((request) => request.path)).toEqual([
      '/identity/connect/token',
      '/api/public/organization/import',
      '/public/organization/import',
    ]);
  });

  it('refuses a host that is not loopback', async () => {
    await expect(
      startBitwardenServer({ seed: { organizations: [] }, host: '0.0.0.0' }),
    ).rejects.toThrow(/loopback/);
  });

  it('serves HTTPS when given a key and certificate', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bw-tls-'));
    tempDirs.push(dir);
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        keyFile,
        '-out',
        certFile,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    const cert = readFileSync(certFile);
    const server = await startServer({}, { tls: { key: readFileSync(keyFile), cert } });

    const status = await new Promise<number>((resolve, reject) => {
      const request = https.request(
        `${server.identityUrl}/connect/token`,
        {
          method: 'POST',
          ca: cert,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end('grant_type=client_credentials');
    });

    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(status).toBe(400);
  });
});

describe('body limit', () => {
  it('answers 413 when Content-Length is above the limit', async () => {
    const server = await startServer({}, { bodyLimitBytes: 400 });

    const response = await postImport(
      server,
      importBody({ members: [{ email: 'a'.repeat(1000) + '@x.io', externalId: 'a' }] }),
    );

    expect(response.status).toBe(413);
    expect(server.organization(ORG_ID).members).toHaveLength(1);
  });

  it('answers 413 when a streamed body grows past the limit', async () => {
    const server = await startServer({}, { bodyLimitBytes: 400 });
    const token = await accessToken(server);

    const response = await rawPost(
      `${server.apiUrl}/public/organization/import`,
      { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      ['{"overwriteExisting":false,', `"x":"${'y'.repeat(1000)}"}`],
    );

    expect(response.status).toBe(413);
  });
});

describe('body decoding', () => {
  it('decodes a character whose bytes arrive in two pieces', async () => {
    const server = await startServer();
    const token = await accessToken(server);
    const body = Buffer.from(
      JSON.stringify(importBody({ members: [{ email: 'zoe@example.com', externalId: 'zoë-Ω' }] })),
    );
    const splitInsideE = body.indexOf(Buffer.from('ë')) + 1;

    const response = await rawPost(
      `${server.apiUrl}/public/organization/import`,
      { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      [body.subarray(0, splitInsideE), body.subarray(splitInsideE)],
      50,
    );

    expect(response.status).toBe(200);
    expect(server.requests.at(-1)?.body).toBe(body.toString('utf8'));
    expect(server.organization(ORG_ID).members.map((member) => member.externalId)).toContain(
      'zoë-Ω',
    );
  });
});

describe('faults', () => {
  it('answers 429 with the real body and Retry-After, then recovers', async () => {
    const server = await startServer();
    server.injectFault({
      route: 'token',
      times: 1,
      kind: 'status',
      status: 429,
      retryAfterSeconds: 7,
    });

    const limited = await requestToken(server.identityUrl);
    const next = await requestToken(server.identityUrl);

    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toEqual({
      message: 'Slow down! Too many requests. Try again in 1m.',
      validationErrors: null,
      exceptionMessage: null,
      exceptionStackTrace: null,
      innerExceptionMessage: null,
      object: 'error',
    });
    expect(next.status).toBe(200);
  });

  it('answers a 5xx with the public error model for the next `times` matching requests', async () => {
    const server = await startServer();
    const token = await accessToken(server);
    server.injectFault({ route: 'import', times: 2, kind: 'status', status: 503 });

    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      statuses.push((await postImport(server, importBody(), { token })).status);
    }

    expect(statuses).toEqual([503, 503, 200]);
    expect(server.requests.map((request) => request.status)).toEqual([200, 503, 503, 200]);
  });

  it('drops the connection without an answer', async () => {
    const server = await startServer();
    server.injectFault({ route: 'any', times: 1, kind: 'drop' });

    await expect(requestToken(server.identityUrl)).rejects.toThrow();
    expect(server.requests[0]?.status).toBe(0);
    expect((await requestToken(server.identityUrl)).status).toBe(200);
  });

  it('adds latency and then handles the request normally', async () => {
    const server = await startServer();
    server.injectFault({ route: 'token', times: 1, kind: 'latency', ms: 150 });

    const started = Date.now();
    const response = await requestToken(server.identityUrl);

    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('matches faults by route in injection order, and clearFaults removes them', async () => {
    const server = await startServer();
    const token = await accessToken(server);
    server.injectFault({ route: 'members', times: 1, kind: 'status', status: 500 });
    server.injectFault({ route: 'any', times: 5, kind: 'status', status: 502 });

    const members = await fetch(`${server.apiUrl}/public/members`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const groups = await fetch(`${server.apiUrl}/public/groups`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    server.clearFaults();
    const after = await fetch(`${server.apiUrl}/public/groups`, {
      headers: { Authorization: `Bearer ${token}` },
    });

    expect([members.status, groups.status, after.status]).toEqual([500, 502, 200]);
  });
});

describe('inspection endpoints and request log', () => {
  it('serves the organization snapshot without auth', async () => {
    const server = await startServer();

    const response = await fetch(`${server.url}/__emulator/organizations/${ORG_ID}`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(server.organization(ORG_ID));
  });

  it('injects and clears faults over HTTP', async () => {
    const server = await startServer();

    const injected = await fetch(`${server.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ route: 'token', times: 3, kind: 'status', status: 500 }),
    });
    const faulted = await requestToken(server.identityUrl);
    const cleared = await fetch(`${server.url}/__emulator/faults`, { method: 'DELETE' });
    const healthy = await requestToken(server.identityUrl);
    const invalid = await fetch(`${server.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ route: 'nowhere', times: 1, kind: 'drop' }),
    });

    expect([injected.status, faulted.status, cleared.status, healthy.status]).toEqual([
      204, 500, 204, 200,
    ]);
    expect(invalid.status).toBe(400);
  });

  it('records method, path, headers, body size and status of every request', async () => {
    const server = await startServer();
    const token = await accessToken(server);
    const body = JSON.stringify(importBody());

    await fetch(`${server.apiUrl}/public/organization/import`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json; charset=utf-8',
        'Bitwarden-Client-Name': 'connector',
        'Device-Type': '8',
      },
      body,
    });

    const recorded = server.requests[1];
    expect(recorded).toMatchObject({
      method: 'POST',
      path: '/api/public/organization/import',
      bodySize: Buffer.byteLength(body),
      body,
      status: 200,
    });
    expect(recorded?.headers).toMatchObject({
      'bitwarden-client-name': 'connector',
      'device-type': '8',
      'content-type': 'application/json; charset=utf-8',
    });
  });

  it('answers 404 with no body for an unknown path', async () => {
    const server = await startServer();

    const response = await fetch(`${server.url}/api/nothing`);

    expect(response.status).toBe(404);
  });

  it('stop closes keep-alive connections', async () => {
    const server = await startBitwardenServer({ seed: { organizations: [organizationSeed()] } });
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve) => {
      http.get(`${server.url}/__emulator/organizations/${ORG_ID}`, { agent }, (response) => {
        response.resume();
        response.on('end', resolve);
      });
    });

    await server.stop();

    agent.destroy();
    await expect(fetch(`${server.url}/__emulator/organizations/${ORG_ID}`)).rejects.toThrow();
  });
});

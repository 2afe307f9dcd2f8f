import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { CONTENT_SECURITY_POLICY } from '../main/window/secure-window';
import { startDesktopTestHost, type DesktopTestHost } from './start-desktop-test-host';
import { rawRequest } from './testing/raw-request';
import { recordingBridge } from '../main/ipc/testing/recording-bridge';

const INDEX = '<!doctype html><title>Directory Connector</title><script src="main.js"></script>';

describe('the test host’s static files', () => {
  let folder: string;
  let host: DesktopTestHost;

  beforeAll(async () => {
    // The served folder sits next to a file that must stay out of reach.
    folder = await mkdtemp(path.join(os.tmpdir(), 'bwdc-test-host-'));
    const site = path.join(folder, 'renderer');
    await mkdir(path.join(site, 'assets', 'icons'), { recursive: true });
    await writeFile(path.join(site, 'index.html'), INDEX);
    await writeFile(path.join(site, 'main.js'), 'console.log(1);');
    await writeFile(path.join(site, 'styles.css'), 'body{}');
    await writeFile(path.join(site, 'assets', 'logo.svg'), '<svg/>');
    await writeFile(path.join(site, 'assets', 'data.bin'), 'bytes');
    await writeFile(path.join(site, '.env'), 'SECRET=1');
    await writeFile(path.join(folder, 'outside.txt'), 'OUTSIDE-CONTENT');
    await symlink(path.join(folder, 'outside.txt'), path.join(site, 'linked.txt'));
    host = await startDesktopTestHost({ bridge: recordingBridge().bridge, staticDir: site });
  });

  afterAll(async () => {
    await host.stop();
    await rm(folder, { recursive: true, force: true });
  });

  const get = (urlPath: string, method = 'GET') => rawRequest(host.url, { path: urlPath, method });

  it('serves index.html at / with the window’s Content-Security-Policy', async () => {
    const response = await fetch(`${host.url}/`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    await expect(response.text()).resolves.toBe(INDEX);
  });

  it.each([
    ['/index.html', 'text/html; charset=utf-8'],
    ['/main.js', 'text/javascript; charset=utf-8'],
    ['/styles.css', 'text/css; charset=utf-8'],
    ['/assets/logo.svg', 'image/svg+xml'],
    ['/assets/data.bin', 'application/octet-stream'],
    ['/main.js?v=2', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s', async (urlPath, type) => {
    const response = await get(urlPath);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers HEAD with the headers alone', async () => {
    const response = await get('/main.js', 'HEAD');

    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe('15');
    expect(response.body).toBe('');
  });

  it.each(['/assets', '/assets/', '/assets/icons/', '/missing.js'])(
    'answers %s with 404: no file, and no folder listing',
    async (urlPath) => {
      const response = await get(urlPath);

      expect(response.status).toBe(404);
      expect(response.body).not.toContain('logo.svg');
    },
  );

  it.each([
    '/../outside.txt',
    '/assets/../../outside.txt',
    '/%2e%2e/outside.txt',
    '/..%2foutside.txt',
    '/assets%2f..%2f..%2foutside.txt',
    '/..%5coutside.txt',
    '/.env',
    '/%2eenv',
  ])('refuses %s', async (urlPath) => {
    const response = await get(urlPath);

    expect(response.status).toBe(403);
    expect(response.body).not.toContain('OUTSIDE-CONTENT');
    expect(response.body).not.toContain('SECRET');
  });

  it('does not follow a link out of the served folder', async () => {
    const response = await get('/linked.txt');

    expect(response.status).toBe(403);
    expect(response.body).not.toContain('OUTSIDE-CONTENT');
  });

  it.each(['/index.html%00.js', '/%E0%A4%A'])(
    'answers the malformed path %s with 4xx',
    async (urlPath) => {
      const response = await get(urlPath);

      expect([400, 403]).toContain(response.status);
    },
  );

  it('answers a POST to a file with 405', async () => {
    const response = await get('/index.html', 'POST');

    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('GET, HEAD');
  });

  it('serves no file at all when started without a folder', async () => {
    const bare = await startDesktopTestHost({ bridge: recordingBridge().bridge });
    try {
      const response = await rawRequest(bare.url, { path: '/' });

      expect(response.status).toBe(404);
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      await bare.stop();
    }
  });
});

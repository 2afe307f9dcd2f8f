import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { CONTENT_SECURITY_POLICY } from '../window/secure-window';
import { appProtocolHandler } from './app-protocol';

const INDEX = '<!doctype html><title>Directory Connector</title><script src="main.js"></script>';

describe('the app:// protocol', () => {
  let folder: string;
  let handle: ReturnType<typeof appProtocolHandler>;

  beforeAll(async () => {
    // The renderer folder sits next to a file that must stay out of reach.
    folder = await realpath(await mkdtemp(path.join(os.tmpdir(), 'bwdc-app-protocol-')));
    const renderer = path.join(folder, 'renderer');
    await mkdir(path.join(renderer, 'assets'), { recursive: true });
    await writeFile(path.join(renderer, 'index.html'), INDEX);
    await writeFile(path.join(renderer, 'main.js'), 'console.log(1);');
    await writeFile(path.join(renderer, 'styles.css'), 'body{}');
    await writeFile(path.join(renderer, '.env'), 'SECRET=1');
    await writeFile(path.join(folder, 'outside.txt'), 'OUTSIDE-CONTENT');
    await symlink(path.join(folder, 'outside.txt'), path.join(renderer, 'linked.txt'));
    await symlink(folder, path.join(renderer, 'assets', 'parent'));
    handle = appProtocolHandler(renderer);
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const get = (url: string, method = 'GET') => handle({ url, method });

  it('serves index.html at / with the window’s Content-Security-Policy', async () => {
    const response = await get('app://bwdc/');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    await expect(response.text()).resolves.toBe(INDEX);
  });

  it.each([
    ['app://bwdc/index.html', 'text/html; charset=utf-8'],
    ['app://bwdc/main.js', 'text/javascript; charset=utf-8'],
    ['app://bwdc/styles.css?v=2', 'text/css; charset=utf-8'],
  ])('serves %s as %s, with the CSP', async (url, type) => {
    const response = await get(url);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers HEAD with the headers alone', async () => {
    const response = await get('app://bwdc/main.js', 'HEAD');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('15');
    await expect(response.text()).resolves.toBe('');
  });

  it.each([
    ['app://bwdc/..%2foutside.txt', 403],
    ['app://bwdc/%2e%2e%2foutside.txt', 403],
    ['app://bwdc/assets%2f..%2f..%2foutside.txt', 403],
    ['app://bwdc/..%5coutside.txt', 403],
    ['app://bwdc/.env', 403],
    ['app://bwdc/%2eenv', 403],
    ['app://bwdc/index.html%00.js', 403],
    ['app://bwdc/%E0%A4%A', 400],
    // A URL parser resolves these before the handler sees them: what is left is inside the root.
    ['app://bwdc/../outside.txt', 404],
    ['app://bwdc/%2e%2e/outside.txt', 404],
  ])('refuses %s with %i and nothing of the file', async (url, status) => {
    const response = await get(url);

    expect(response.status).toBe(status);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    await expect(response.text()).resolves.toBe('');
  });

  it.each(['app://bwdc/linked.txt', 'app://bwdc/assets/parent/outside.txt'])(
    'does not follow a link out of the renderer folder: %s',
    async (url) => {
      const response = await get(url);

      expect(response.status).toBe(403);
      await expect(response.text()).resolves.not.toContain('OUTSIDE-CONTENT');
    },
  );

  it.each(['app://bwdc/assets', 'app://bwdc/assets/', 'app://bwdc/missing.js'])(
    'answers %s with 404: no file, and no folder listing',
    async (url) => {
      const response = await get(url);

      expect(response.status).toBe(404);
    },
  );

  it('serves no other host of the scheme', async () => {
    const response = await get('app://elsewhere/index.html');

    expect(response.status).toBe(404);
  });

  it('answers a POST with 405', async () => {
    const response = await get('app://bwdc/index.html', 'POST');

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});

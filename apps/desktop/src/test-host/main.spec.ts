import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { connectorClient } from '../shared/connector-client';
import { httpInvoke } from '../shared/http-invoke';

const workspaceRoot = path.resolve(__dirname, '../../../..');

/** The first stdout lines of the dev entry, as `url: …` and `token: …`. */
function startupLines(child: ChildProcess): Promise<{ url: string; token: string }> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /^url: (\S+)$/m.exec(out)?.[1];
      const token = /^token: (\S+)$/m.exec(out)?.[1];
      if (url !== undefined && token !== undefined) {
        resolve({ url, token });
      }
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
  });
}

describe('npx tsx apps/desktop/src/test-host/main.ts', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'bwdc-test-host-main-'));
  });

  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('serves the Connector over the given data folder, prints url and token, stops on SIGINT', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'apps/desktop/src/test-host/main.ts', '--data-dir', folder],
      {
        cwd: workspaceRoot,
        env: { ...process.env, BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const { url, token } = await startupLines(child);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      await expect(connectorClient(httpInvoke(url, token)).lastSync('users')).resolves.toBeNull();

      child.kill('SIGINT');
      await expect(exited).resolves.toBe(0);
      await expect(fetch(`${url}/`)).rejects.toThrow();
    } finally {
      // Only if the test failed before SIGINT ended it.
      if (child.exitCode === null && child.signalCode === null) {
        child.kill();
      }
    }
  }, 30_000);
});

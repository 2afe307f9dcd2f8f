import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { organizationSeed } from './spec-helpers';

const tsx = path.join(__dirname, '../../../node_modules/.bin/tsx');
const main = path.join(__dirname, 'main.ts');

function run(args: string[], onStdout?: (text: string, stop: () => void) => void) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(tsx, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout, () => child.kill('SIGTERM'));
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});
describe('bitwarden-server CLI', () => {
  it('exits 2 with a one-line reason for bad arguments', async () => {
    const result = await run(['--port', 'x', '--seed', 'missing.json']);

    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(
      'bitwarden-server: --port must be an integer from 0 to 65535, got "x"',
    );
  }, 15_000);

  it('prints its URLs, serves requests and stops on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bw-main-'));
    tempDirs.push(dir);
    const seedFile = path.join(dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify({ organizations: [organizationSeed()] }));
    let status = 0;
    let asked = false;

    const result = await run(['--port', '0', '--seed', seedFile], (stdout, stop) => {
      const api = /api:\s+(\S+)/.exec(stdout)?.[1];
      if (api === undefined || asked) {
        return;
      }
      asked = true;
      fetch(`${api}/public/members`)
        .then((response) => (status = response.status))
        .finally(stop)
        .catch(() => undefined);
    });

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/base:\s+http:\/\/127\.0\.0\.1:\d+\n/);
    expect(result.stdout).toMatch(/identity:\s+http:\/\/127\.0\.0\.1:\d+\/identity\n/);
    expect(status).toBe(401);
  }, 15_000);
});

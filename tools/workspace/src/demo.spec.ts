import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const workspaceRoot = path.resolve(__dirname, '../../..');

describe('npm run demo', () => {
  it('syncs the sample directory into the local Bitwarden server, then sends nothing the second time', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'tools/demo/src/main.ts'],
      { cwd: workspaceRoot },
    );

    expect(stdout).toContain('import: request 1 of 1 accepted');
    expect(stdout).toMatch(/ada\.lovelace@example\.com\s+admin\s+accepted\s+a1f0c3e2-0001/);
    expect(stdout).toMatch(/alan\.turing@example\.com\s+user\s+invited\s+a1f0c3e2-0002/);
    expect(stdout).toContain('outcome "unchanged", 0 requests sent.');
  }, 60_000);
});

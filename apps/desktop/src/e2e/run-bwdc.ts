import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { WORKSPACE_ROOT } from './paths';

const run = promisify(execFile);

/**
 * `bwdc` as an admin runs it beside the open app: its own process (the CLI's sources through
 * tsx, on the Node running the tests) on the same data folder, found through the upstream
 * variable `BITWARDENCLI_CONNECTOR_APPDATA_DIR`. Resolves with stdout; a failure carries stderr.
 */
export async function runBwdc(
  dataDir: string,
  env: Readonly<Record<string, string>>,
  args: readonly string[],
): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.join(WORKSPACE_ROOT, 'apps/cli/src/main.ts'), ...args],
    {
      cwd: WORKSPACE_ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? dataDir,
        ...env,
        BITWARDENCLI_CONNECTOR_APPDATA_DIR: dataDir,
      },
      timeout: 60_000,
    },
  );
  return stdout;
}

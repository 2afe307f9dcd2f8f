import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');
export const CLI_BUNDLE = path.join(WORKSPACE_ROOT, 'dist/apps/cli/main.js');

/**
 * Builds dist/apps/cli through Nx, which knows every input of the build (sources, tsconfig,
 * lockfile) and answers from its cache when nothing changed.
 */
export function ensureCliBundle(): void {
  const result = spawnSync('npx', ['nx', 'build', 'cli', '--outputStyle=static'], {
    cwd: WORKSPACE_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0 || !existsSync(CLI_BUNDLE)) {
    throw new Error(
      `npx nx build cli failed (exit ${result.status}): ${result.stdout}${result.stderr}`,
    );
  }
}

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');
export const CLI_BUNDLE = path.join(WORKSPACE_ROOT, 'dist/apps/cli/main.js');
/** main.js is a small launcher; the code that changes is in bwdc.js. */
const BUNDLED_CODE = path.join(WORKSPACE_ROOT, 'dist/apps/cli/bwdc.js');

/** The newest modification time of the TypeScript sources under `dir`, specs excluded. */
function newestSource(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) {
    return newest;
  }
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

function sourcesTime(): number {
  const libs = path.join(WORKSPACE_ROOT, 'libs');
  const dirs = [
    path.join(WORKSPACE_ROOT, 'apps/cli/src'),
    path.join(WORKSPACE_ROOT, 'tools/build/src'),
    ...readdirSync(libs).map((lib) => path.join(libs, lib, 'src')),
  ];
  return Math.max(...dirs.map(newestSource));
}

/** Builds dist/apps/cli when it is missing or older than the sources (Nx caches the build). */
export function ensureCliBundle(): void {
  const built = [CLI_BUNDLE, BUNDLED_CODE].every(existsSync)
    ? Math.min(statSync(CLI_BUNDLE).mtimeMs, statSync(BUNDLED_CODE).mtimeMs)
    : 0;
  if (built >= sourcesTime()) {
    return;
  }
  console.log('building the CLI bundle (npx nx build cli)');
  const result = spawnSync('npx', ['nx', 'build', 'cli', '--outputStyle=static'], {
    cwd: WORKSPACE_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0 || !existsSync(CLI_BUNDLE)) {
    throw new Error(`npx nx build cli failed (exit ${result.status})`);
  }
}

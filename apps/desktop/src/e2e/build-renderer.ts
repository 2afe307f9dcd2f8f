import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import * as path from 'node:path';

import { RENDERER_DIR, WORKSPACE_ROOT } from './paths';

/** npm's link to nx's command, whichever file inside the package it points to. */
const NX = path.join(WORKSPACE_ROOT, 'node_modules/.bin/nx');

/** A cold Angular build on a busy 2-core CI machine; a hung one still fails the run. */
export const RENDERER_BUILD_TIMEOUT_MS = 6 * 60_000;

/**
 * Builds the renderer from the sources as they are now, with `nx run desktop:build-renderer`,
 * and gives its folder. nx hashes the target's inputs, so an unchanged tree restores the cached
 * build in seconds and a clean clone builds it; either way the browser never sees a stale bundle.
 * It runs under this process's Node (the project's Node 24, whatever is on PATH) and without the
 * nx daemon, so no process outlives the test.
 */
export async function buildRenderer(): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [NX, 'run', 'desktop:build-renderer', '--outputStyle=static'],
      {
        cwd: WORKSPACE_ROOT,
        env: {
          ...process.env,
          NX_DAEMON: 'false',
          NX_TUI: 'false',
          NX_NO_CLOUD: 'true',
          NG_CLI_ANALYTICS: 'false',
          FORCE_COLOR: '0',
        },
        timeout: RENDERER_BUILD_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          // The compiler's messages are the point of a failed build: hand them over whole.
          reject(
            new Error(`nx run desktop:build-renderer failed:\n${stdout}\n${stderr}`, {
              cause: error,
            }),
          );
        } else {
          resolve();
        }
      },
    );
  });
  // A target renamed or moved would otherwise surface as a 404 page in a screenshot.
  await access(path.join(RENDERER_DIR, 'index.html'));
  return RENDERER_DIR;
}

import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import * as path from 'node:path';

import { DESKTOP_DIST_DIR, RENDERER_DIR, WORKSPACE_ROOT } from './paths';

/** npm's link to nx's command, whichever file inside the package it points to. */
const NX = path.join(WORKSPACE_ROOT, 'node_modules/.bin/nx');

/** A cold Angular build on a busy 2-core CI machine; a hung one still fails the run. */
export const APP_BUILD_TIMEOUT_MS = 6 * 60_000;

/** What `npx nx build desktop` writes: Electron's main and preload bundles and the renderer. */
export const APP_BUNDLES = {
  main: path.join(DESKTOP_DIST_DIR, 'main/main.js'),
  preload: path.join(DESKTOP_DIST_DIR, 'preload/preload.js'),
  renderer: path.join(RENDERER_DIR, 'index.html'),
} as const;

/**
 * Builds the app from the sources as they are now, with `nx build desktop` (the renderer, then
 * main and preload), and gives the renderer's folder. nx hashes the targets' inputs, so an
 * unchanged tree restores the cached build in seconds and a clean clone builds it; either way the
 * browser never sees a stale bundle. It runs under this process's Node (the project's Node 24,
 * whatever is on PATH) and without the nx daemon, so no process outlives the test.
 */
export async function buildApp(): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [NX, 'build', 'desktop', '--outputStyle=static'],
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
        timeout: APP_BUILD_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          // The compiler's messages are the point of a failed build: hand them over whole.
          reject(
            new Error(`nx build desktop failed:\n${stdout}\n${stderr}`, {
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
  await Promise.all(Object.values(APP_BUNDLES).map((file) => access(file)));
  return RENDERER_DIR;
}

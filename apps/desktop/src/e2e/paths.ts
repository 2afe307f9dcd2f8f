import * as path from 'node:path';

/** The repository's root, from this folder's place in it (apps/desktop/src/e2e). */
export const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');

/** Where `nx build desktop` writes the app (project.json's outputs). */
export const DESKTOP_DIST_DIR = path.join(WORKSPACE_ROOT, 'dist/apps/desktop');

/** The renderer's part of it (build-renderer's outputPath). */
export const RENDERER_DIR = path.join(DESKTOP_DIST_DIR, 'renderer');

/** The screenshots of the last run, kept for people and CI artifacts; gitignored. */
export const E2E_OUTPUT_DIR = path.join(WORKSPACE_ROOT, 'test-output/desktop-e2e');

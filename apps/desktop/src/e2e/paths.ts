import * as path from 'node:path';

/** The repository's root, from this folder's place in it (apps/desktop/src/e2e). */
export const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');

/** Where `nx run desktop:build-renderer` writes the renderer (its outputPath in project.json). */
export const RENDERER_DIR = path.join(WORKSPACE_ROOT, 'dist/apps/desktop/renderer');

/** The screenshots of the last run, kept for people and CI artifacts; gitignored. */
export const E2E_OUTPUT_DIR = path.join(WORKSPACE_ROOT, 'test-output/desktop-e2e');

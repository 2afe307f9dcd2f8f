import { mkdir, rm } from 'node:fs/promises';
import * as path from 'node:path';

import type { Page } from 'playwright-core';

import { E2E_OUTPUT_DIR } from './paths';

/** Empties the screenshot folder, so what it holds is this run's and nothing older. */
export async function clearScreenshots(): Promise<void> {
  await rm(E2E_OUTPUT_DIR, { recursive: true, force: true });
  await mkdir(E2E_OUTPUT_DIR, { recursive: true });
}

/**
 * Saves the whole page as `<name>.png` in test-output/desktop-e2e and gives the file's path.
 * Animations are stopped and the caret hidden, so two runs give the same picture.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    throw new Error(`A screenshot name is lower-case words joined by dashes, not '${name}'.`);
  }
  const file = path.join(E2E_OUTPUT_DIR, `${name}.png`);
  await mkdir(E2E_OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  return file;
}

/**
 * Runs one step of a test; when it fails, saves `failed-<name>.png` first, which tells more on CI
 * than a timeout's message alone. The step's own error is the one thrown.
 */
export async function withFailureScreenshot(
  page: Page,
  name: string,
  step: () => Promise<void>,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    await screenshot(page, `failed-${name}`).catch(() => undefined);
    throw error;
  }
}

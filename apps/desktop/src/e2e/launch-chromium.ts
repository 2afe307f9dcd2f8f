import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { CHROMIUM_FLAGS } from './chromium-flags';
import { chromiumExecutable } from './chromium-executable';
import { allowLoopbackOnly } from './loopback-only';

/** Slow CI machines take a few seconds to start Chromium; a stuck start still fails. */
const LAUNCH_TIMEOUT_MS = 60_000;

/** How long a locator waits for the page by default: generous, since CI runs on 2 busy cores. */
export const ACTION_TIMEOUT_MS = 30_000;

export interface E2eBrowser {
  readonly context: BrowserContext;
  /** The one tab, at about:blank. */
  readonly page: Page;
  /** URLs the page tried to reach off loopback (each refused); empty when all is well. */
  readonly refusedRequests: readonly string[];
  /** Uncaught errors in the page, which the app would otherwise only log. */
  readonly pageErrors: readonly string[];
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/**
 * Headless Chromium through playwright-core, on a new empty profile in a temporary folder (no
 * state from another run or from the machine's user), with a desktop window's size and a fixed
 * light theme, locale and time zone, so screenshots look the same on every machine.
 */
export async function launchChromium(): Promise<E2eBrowser> {
  const executablePath = await chromiumExecutable();
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'bwdc-e2e-chromium-'));
  const removeProfile = () => rm(userDataDir, { recursive: true, force: true });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      args: [...CHROMIUM_FLAGS],
      timeout: LAUNCH_TIMEOUT_MS,
      viewport: { width: 1280, height: 800 },
      colorScheme: 'light',
      locale: 'en-US',
      timezoneId: 'UTC',
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }
  try {
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    const refusedRequests = await allowLoopbackOnly(context);
    const page = context.pages()[0] ?? (await context.newPage());
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
    return {
      context,
      page,
      refusedRequests,
      pageErrors,
      close: async () => {
        try {
          await context.close();
        } finally {
          await removeProfile();
        }
      },
    };
  } catch (error) {
    await context.close().finally(removeProfile);
    throw error;
  }
}

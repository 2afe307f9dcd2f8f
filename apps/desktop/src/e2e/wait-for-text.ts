import type { Locator } from 'playwright-core';

/**
 * Waits (with the page's default timeout) until one of the elements `locator` matches shows
 * `text`, and on timeout fails with what they show instead: Playwright's own message names only
 * the selector, which on CI says little about what went wrong.
 */
export async function waitForText(locator: Locator, text: string | RegExp): Promise<void> {
  try {
    await locator.filter({ hasText: text }).first().waitFor();
  } catch (error) {
    const shown = await locator.allInnerTexts().catch(() => []);
    throw new Error(
      `Expected ${String(locator)} to show ${String(text)}; shown: ${JSON.stringify(shown)}`,
      {
        cause: error,
      },
    );
  }
}

/** Waits until the form field `locator` matches holds `value` (a form's value is not its text). */
export async function waitForValue(locator: Locator, value: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  let shown = await locator.inputValue();
  while (shown !== value) {
    if (Date.now() > deadline) {
      throw new Error(
        `Expected ${String(locator)} to hold ${JSON.stringify(value)}; it holds ${JSON.stringify(shown)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    shown = await locator.inputValue();
  }
}

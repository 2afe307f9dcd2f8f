import type { BrowserContext } from 'playwright-core';

/**
 * Lets the pages of `context` reach 127.0.0.1 only: any other request is aborted and its URL
 * recorded, so a test can fail on it. The app is meant to talk to the test host alone; a font,
 * script or beacon from elsewhere would be a bug (and, on CI, a test that needs the internet).
 */
export async function allowLoopbackOnly(context: BrowserContext): Promise<readonly string[]> {
  const refused: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLoopback(url)) {
      await route.continue();
    } else {
      refused.push(url);
      await route.abort('blockedbyclient');
    }
  });
  return refused;
}

function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return (protocol === 'http:' || protocol === 'https:') && hostname === '127.0.0.1';
}

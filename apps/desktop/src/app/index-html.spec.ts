import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CONTENT_SECURITY_POLICY } from '../main/window/secure-window';

describe('index.html', () => {
  const page = new DOMParser().parseFromString(
    readFileSync(join(__dirname, 'index.html'), 'utf8'),
    'text/html',
  );

  // The policy is also set by main on every response; the meta tag covers a page loaded without.
  it('carries the Content-Security-Policy main sets for the window', () => {
    const meta = page.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(meta?.getAttribute('content')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('loads no inline script', () => {
    expect(page.querySelectorAll('script:not([src])')).toHaveLength(0);
  });
});

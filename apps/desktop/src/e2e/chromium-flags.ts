/**
 * Chromium's command line for the tests. Playwright adds its own automation flags; these keep
 * the browser quiet and local: without the background-networking ones it calls Google services
 * (and is refused on an offline CI machine), and the host resolver rule makes every name but
 * loopback unresolvable, so nothing the browser itself starts can leave the machine either.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  // CI runs as root, where Chromium's sandbox refuses to start.
  '--no-sandbox',
  '--disable-gpu',
  // Docker's 64 MB /dev/shm is too small for the renderer; /tmp serves instead.
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/**
 * Where the renderer lives: `app://bwdc/`, a privileged scheme main serves from the built files.
 * The renderer is ES modules, which Chromium will not run from file://, and one fixed origin lets
 * main tell its own pages (IPC, navigation) from anything else.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bwdc';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * For `protocol.registerSchemesAsPrivileged`, before the app is ready: `standard` gives the scheme
 * real origins and relative URLs, `secure` a secure context, `supportFetchAPI` lets the page fetch
 * its own files. Nothing else (no CORS, no service workers, no CSP bypass).
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/**
 * Whether a URL is one of the app's pages: the scheme and host are compared, since `origin` is
 * "null" for custom schemes in Node's URL. Used to trust IPC senders.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.host === APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

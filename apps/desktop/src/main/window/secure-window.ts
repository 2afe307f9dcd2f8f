/**
 * The security settings of the app's window, in one place so a test holds them: upstream ran the
 * whole sync stack in a renderer with `nodeIntegration: true`; here the renderer can reach only
 * the preload's `window.connector`.
 */

/** The `webPreferences` of Electron's BrowserWindow that matter for security. */
export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly sandbox: true;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
  readonly navigateOnDragDrop: false;
  readonly devTools: boolean;
}

export function secureWebPreferences(options: {
  readonly preload: string;
  /** Developer tools only in development builds. */
  readonly development: boolean;
}): SecureWebPreferences {
  return {
    preload: options.preload,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    devTools: options.development,
  };
}

/**
 * The renderer's Content-Security-Policy: its own scripts only, no inline scripts, no eval, no
 * network but its own origin (main does all network work). Angular's component styles are
 * inline `<style>` elements, hence 'unsafe-inline' for styles alone.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * `setWindowOpenHandler`: no window ever opens inside the app; an http(s) link goes to the
 * system browser, anything else (file:, javascript:, custom schemes) nowhere.
 */
export function windowOpenHandler(
  openExternal: (url: string) => void,
): (details: { readonly url: string }) => { readonly action: 'deny' } {
  return ({ url }) => {
    if (isWebLink(url)) {
      openExternal(url);
    }
    return { action: 'deny' };
  };
}

/**
 * `will-navigate`: the window stays on the app's own pages. Scheme and host are compared, not
 * `origin`, which is "null" for every custom scheme such as app://.
 */
export function isNavigationAllowed(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    return target.protocol === app.protocol && target.host === app.host;
  } catch {
    return false;
  }
}

function isWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

import { APP_INDEX_URL } from './app-origin';
import { createAppWindow, type AppWindowOptions, type SecurableWindow } from './app-window';
import type { PreventableEvent } from './tray-behaviour';
import type { WindowPlacement } from './window-bounds';

type NavigationListener = (event: PreventableEvent, url: string) => void;
type PermissionHandler = (
  webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;

/** A BrowserWindow that records what it was given and lets the test play the page's part. */
class RecordingWindow implements SecurableWindow {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  permissionHandler: PermissionHandler | undefined;
  permissionCheck: (() => boolean) | undefined;
  readyToShow: (() => void) | undefined;
  loaded: string[] = [];
  calls: string[] = [];
  private readonly navigation = new Map<string, NavigationListener[]>();

  constructor(readonly options: AppWindowOptions) {}

  readonly webContents = {
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => {
      this.openHandler = handler;
    },
    on: (event: 'will-navigate' | 'will-redirect', listener: NavigationListener) => {
      this.navigation.set(event, [...(this.navigation.get(event) ?? []), listener]);
    },
    session: {
      setPermissionRequestHandler: (handler: PermissionHandler) => {
        this.permissionHandler = handler;
      },
      setPermissionCheckHandler: (handler: () => boolean) => {
        this.permissionCheck = handler;
      },
    },
  };

  once(_event: 'ready-to-show', listener: () => void): void {
    this.readyToShow = listener;
  }

  maximize(): void {
    this.calls.push('maximize');
  }

  show(): void {
    this.calls.push('show');
  }

  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }

  /** Whether the window would follow the page to `url`. */
  navigates(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.navigation
      .get(event)
      ?.forEach((listener) => listener({ preventDefault: () => (prevented = true) }, url));
    return !prevented;
  }

  /** What the session answers a page asking for a permission. */
  grants(permission: string): boolean | undefined {
    let answer: boolean | undefined;
    this.permissionHandler?.({}, permission, (granted) => (answer = granted));
    return answer;
  }
}

const PLACEMENT: WindowPlacement = {
  position: { x: 40, y: 30 },
  width: 1000,
  height: 700,
  maximized: false,
};

function openWindow(placement: WindowPlacement = PLACEMENT, development = false) {
  const opened: string[] = [];
  const errors: unknown[] = [];
  const window = createAppWindow({
    createWindow: (options) => new RecordingWindow(options),
    preloadPath: '/opt/connector/resources/app.asar/preload/preload.js',
    development,
    placement,
    openExternal: (url) => opened.push(url),
    onLoadError: (error) => errors.push(error),
  });
  return { window, opened, errors };
}

describe('the app window', () => {
  it('is created isolated and sandboxed, with the preload as its only bridge', () => {
    const { window } = openWindow();

    expect(window.options.webPreferences).toEqual({
      preload: '/opt/connector/resources/app.asar/preload/preload.js',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
  });

  it('has developer tools in development only', () => {
    expect(openWindow(PLACEMENT, true).window.options.webPreferences.devTools).toBe(true);
  });

  it('opens where it was, hidden until the page has painted, then maximized if it was', () => {
    const { window } = openWindow({ ...PLACEMENT, maximized: true });

    expect(window.options).toMatchObject({ x: 40, y: 30, width: 1000, height: 700, show: false });
    expect(window.calls).toEqual([]);

    window.readyToShow?.();

    expect(window.calls).toEqual(['maximize', 'show']);
  });

  it('lets Electron centre it when no position was remembered', () => {
    const { window } = openWindow({ ...PLACEMENT, position: null });

    expect(window.options).not.toHaveProperty('x');
    expect(window.options).not.toHaveProperty('y');
  });

  it('loads the renderer from app://', () => {
    expect(openWindow().window.loaded).toEqual([APP_INDEX_URL]);
  });

  it('opens no window: web links go to the system browser, other schemes nowhere', () => {
    const { window, opened } = openWindow();

    expect(window.openHandler?.({ url: 'https://bitwarden.com/help/' })).toEqual({
      action: 'deny',
    });
    expect(window.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(window.openHandler?.({ url: 'app://bwdc/index.html' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://bitwarden.com/help/']);
  });

  it.each(['will-navigate', 'will-redirect'] as const)(
    'stays on the app’s pages on %s',
    (event) => {
      const { window } = openWindow();

      expect(window.navigates(event, 'app://bwdc/index.html#/settings')).toBe(true);
      expect(window.navigates(event, 'https://evil.example/')).toBe(false);
      expect(window.navigates(event, 'file:///etc/passwd')).toBe(false);
      expect(window.navigates(event, 'app://elsewhere/')).toBe(false);
    },
  );

  it.each(['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal'])(
    'refuses the page the %s permission',
    (permission) => {
      const { window } = openWindow();

      expect(window.grants(permission)).toBe(false);
      expect(window.permissionCheck?.()).toBe(false);
    },
  );

  it('reports a page that fails to load', async () => {
    const failure = new Error('ERR_FILE_NOT_FOUND');
    const errors: unknown[] = [];
    createAppWindow({
      createWindow: (options) =>
        Object.assign(new RecordingWindow(options), { loadURL: () => Promise.reject(failure) }),
      preloadPath: '/p.js',
      development: false,
      placement: PLACEMENT,
      openExternal: () => undefined,
      onLoadError: (error) => errors.push(error),
    });
    await Promise.resolve();

    expect(errors).toEqual([failure]);
  });
});

import {
  isNavigationAllowed,
  secureWebPreferences,
  windowOpenHandler,
  type SecureWebPreferences,
} from '../window/secure-window';
import { APP_INDEX_URL } from './app-origin';
import { PRODUCT_NAME } from './product';
import type { PreventableEvent } from './tray-behaviour';
import { MIN_WINDOW_SIZE, type WindowPlacement } from './window-bounds';

/** The BrowserWindow constructor options this app sets. */
export interface AppWindowOptions {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
  readonly minWidth: number;
  readonly minHeight: number;
  /** Shown once the page has painted, so no blank window flashes. */
  readonly show: false;
  readonly title: string;
  readonly webPreferences: SecureWebPreferences;
}

/** The part of a BrowserWindow (and its webContents and session) the factory configures. */
export interface SecurableWindow {
  readonly webContents: {
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
    on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
    on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
    readonly session: {
      setPermissionRequestHandler(
        handler: (
          webContents: unknown,
          permission: string,
          callback: (granted: boolean) => void,
        ) => void,
      ): void;
      setPermissionCheckHandler(handler: () => boolean): void;
    };
  };
  once(event: 'ready-to-show', listener: () => void): unknown;
  maximize(): void;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export interface AppWindowDependencies<W extends SecurableWindow> {
  /** `new BrowserWindow(options)`. */
  readonly createWindow: (options: AppWindowOptions) => W;
  /** The preload bundle's absolute path. */
  readonly preloadPath: string;
  /** Developer tools, in development builds only. */
  readonly development: boolean;
  readonly placement: WindowPlacement;
  /** The system browser (`shell.openExternal`), for the page's web links. */
  readonly openExternal: (url: string) => void;
  readonly onLoadError: (error: unknown) => void;
}

/**
 * The app's window with the security settings of `secure-window.ts` applied: an isolated,
 * sandboxed renderer whose only way out is the preload's `window.connector`; no new windows (web
 * links go to the system browser); no navigation away from app://; every permission (camera,
 * notifications, clipboard...) refused. Then it loads the renderer.
 */
export function createAppWindow<W extends SecurableWindow>(
  dependencies: AppWindowDependencies<W>,
): W {
  const { placement } = dependencies;
  const window = dependencies.createWindow({
    ...(placement.position ?? {}),
    width: placement.width,
    height: placement.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: PRODUCT_NAME,
    webPreferences: secureWebPreferences({
      preload: dependencies.preloadPath,
      development: dependencies.development,
    }),
  });
  const { webContents } = window;
  webContents.setWindowOpenHandler(windowOpenHandler(dependencies.openExternal));
  const stayOnApp = (event: PreventableEvent, url: string) => {
    if (!isNavigationAllowed(url, APP_INDEX_URL)) {
      event.preventDefault();
    }
  };
  webContents.on('will-navigate', stayOnApp);
  webContents.on('will-redirect', stayOnApp);
  webContents.session.setPermissionRequestHandler((_webContents, _permission, callback) =>
    callback(false),
  );
  webContents.session.setPermissionCheckHandler(() => false);
  window.once('ready-to-show', () => {
    if (placement.maximized) {
      window.maximize();
    }
    window.show();
  });
  window.loadURL(APP_INDEX_URL).catch(dependencies.onLoadError);
  return window;
}

/**
 * Electron's main process: the entry of `dist/apps/desktop/main/main.js`. The only file that
 * loads `electron` (left out of the bundle); every part it wires is tested in Node behind a port.
 */
import { realpath } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import type { Logger } from '@bwdc/core';
import { resolveDataFilePath } from '@bwdc/storage';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  powerMonitor,
  protocol,
  screen,
  shell,
  Tray,
  type NativeImage,
} from 'electron';

import { composeDesktop, type ComposedDesktop } from '../compose-desktop';
import { registerConnectorIpc } from '../ipc/register-connector-ipc';
import { systemTimer } from '../scheduler';
import { applicationMenuTemplate } from './app-menu';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppUrl } from './app-origin';
import { appProtocolHandler } from './app-protocol';
import { DataFileAppSettings } from './app-settings';
import { createAppWindow } from './app-window';
import { openDesktopLog } from './desktop-log';
import { electronDesktopShell } from './electron-shell';
import { MainWindow } from './main-window';
import type { MenuActions } from './menu-actions';
import { PRODUCT_NAME } from './product';
import { installQuitSequence } from './quit-sequence';
import { claimSingleInstance } from './single-instance';
import { hideToTrayWhenAsked } from './tray-behaviour';
import { TRAY_ICON_BLUE, TRAY_ICON_TEMPLATE, trayIconPng } from './tray-icon';
import { trayMenuTemplate } from './tray-menu';
import { TrayPreferences } from './tray-preferences';
import { restorePlacement, WINDOW_APP_KEY, type WindowBounds } from './window-bounds';
import { keepWindowBounds } from './window-bounds-keeper';

/** The bundle's neighbours in dist/apps/desktop (and in the packaged app): see build-desktop.ts. */
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
const PRELOAD_FILE = path.join(__dirname, '..', 'preload', 'preload.js');

// Before `ready`, as Electron requires.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let mainWindow: MainWindow<BrowserWindow> | undefined;

if (claimSingleInstance(app, () => mainWindow?.show())) {
  app.on('window-all-closed', () => {
    // macOS apps stay in the dock (and the tray) with no window; elsewhere closing it quits.
    if (process.platform !== 'darwin') {
      app.quit();
    }
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(`${PRODUCT_NAME} could not start`, messageOf(error));
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const env = process.env;
  const dataFilePath = resolveDataFilePath({
    env,
    platform: process.platform,
    homeDir: os.homedir(),
    cwd: process.cwd(),
  });
  const log = await openDesktopLog({
    dataDirectory: path.dirname(dataFilePath),
    env,
    write: (text) => process.stderr.write(text),
  });
  const logger = log.logger;
  const development = !app.isPackaged;

  protocol.handle(APP_SCHEME, appProtocolHandler(await realpath(RENDERER_DIR)));

  const desktop = await composeDesktop({
    dataFilePath,
    env,
    platform: process.platform,
    version: app.getVersion(),
    logger,
    shell: electronDesktopShell(shell, dialog),
  });
  registerConnectorIpc(ipcMain, desktop.bridge, isAppUrl);
  powerMonitor.on('resume', () => {
    // Timers stood still while the machine slept: re-arm the schedule from the stored due time.
    desktop.scheduler.resume().catch(reportTo(logger, 'Resuming the schedule failed'));
  });

  const settings = new DataFileAppSettings(desktop.dataFile);
  const trayPreferences = await TrayPreferences.load(settings);
  const quit = installQuitSequence(
    app,
    async () => {
      await desktop.dispose();
      await log.close();
    },
    reportTo(logger, 'Shutting down cleanly failed'),
  );

  let rememberedBounds: unknown = await settings.read(WINDOW_APP_KEY);
  const saveBounds = async (bounds: WindowBounds) => {
    rememberedBounds = bounds;
    await settings.write(WINDOW_APP_KEY, bounds);
  };
  mainWindow = new MainWindow(() => {
    const window = createAppWindow({
      createWindow: (options) => new BrowserWindow(options),
      preloadPath: PRELOAD_FILE,
      development,
      placement: restorePlacement(rememberedBounds, screen),
      openExternal: (url) => {
        shell.openExternal(url).catch(reportTo(logger, `Opening ${url} failed`));
      },
      onLoadError: reportTo(logger, 'Loading the window failed'),
    });
    keepWindowBounds(window, saveBounds, {
      timer: systemTimer,
      onError: reportTo(logger, 'Saving the window position failed'),
    });
    hideToTrayWhenAsked(window, {
      options: () => trayPreferences.current(),
      quitting: () => quit.quitting(),
    });
    return window;
  });
  const windows = mainWindow;

  const tray = new Tray(trayIcon());
  tray.setToolTip(PRODUCT_NAME);
  tray.on('click', () => windows.show());
  const actions: MenuActions = {
    showWindow: () => windows.show(),
    syncNow: () => syncNow(desktop, logger),
    quit: () => app.quit(),
    openExternal: (url) => {
      shell.openExternal(url).catch(reportTo(logger, `Opening ${url} failed`));
    },
    setTrayOption: (option, value) => {
      trayPreferences
        .set(option, value)
        .catch(reportTo(logger, 'Saving the tray options failed'))
        .finally(refreshMenus);
    },
  };
  // Both menus show the tray options: rebuilt after each change so they agree.
  function refreshMenus(): void {
    const trayOptions = trayPreferences.current();
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(trayOptions, actions)));
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        applicationMenuTemplate({ platform: process.platform, development, trayOptions, actions }),
      ),
    );
  }
  refreshMenus();

  app.on('activate', () => windows.show());
  windows.show();
  logger.log('info', `${PRODUCT_NAME} ${app.getVersion()} started; data file ${dataFilePath}.`);
}

function trayIcon(): NativeImage {
  const mac = process.platform === 'darwin';
  const image = nativeImage.createFromBuffer(
    trayIconPng(mac ? TRAY_ICON_TEMPLATE : TRAY_ICON_BLUE),
    { scaleFactor: 2 },
  );
  image.setTemplateImage(mac);
  return image;
}

/** Sync Now from a menu: the bridge's, so the run is recorded, logged and shown in the window. */
function syncNow(desktop: ComposedDesktop, logger: Logger): void {
  desktop.bridge.syncNow({ force: false }).catch(reportTo(logger, 'Sync from the menu failed'));
}

function reportTo(logger: Logger, what: string): (error: unknown) => void {
  return (error) => logger.log('error', `${what}: ${messageOf(error)}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

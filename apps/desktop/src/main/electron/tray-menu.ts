import type { MenuItemConstructorOptions } from 'electron';

import { trayOptionItems, type MenuActions } from './menu-actions';
import { PRODUCT_NAME } from './product';
import type { TrayOptions } from './tray-options';

/** The tray icon's menu: bring the window back, sync, the tray options, quit. */
export function trayMenuTemplate(
  options: TrayOptions,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  return [
    { label: `Show ${PRODUCT_NAME}`, click: () => actions.showWindow() },
    { label: 'Sync Now', click: () => actions.syncNow() },
    { type: 'separator' },
    ...trayOptionItems(options, actions),
    { type: 'separator' },
    { label: 'Quit', click: () => actions.quit() },
  ];
}

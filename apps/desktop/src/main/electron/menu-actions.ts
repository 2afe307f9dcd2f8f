import type { MenuItemConstructorOptions } from 'electron';

import type { TrayOption, TrayOptions } from './tray-options';

/** What the tray and application menus do; main binds them to the window and the bridge. */
export interface MenuActions {
  showWindow(): void;
  syncNow(): void;
  quit(): void;
  openExternal(url: string): void;
  setTrayOption(option: TrayOption, value: boolean): void;
}

/** The two tray checkboxes, the same in the tray menu and the Window menu. */
export function trayOptionItems(
  options: TrayOptions,
  actions: Pick<MenuActions, 'setTrayOption'>,
): MenuItemConstructorOptions[] {
  return [
    {
      label: 'Minimize to Tray',
      type: 'checkbox',
      checked: options.minimizeToTray,
      click: (item) => actions.setTrayOption('minimizeToTray', item.checked),
    },
    {
      label: 'Close to Tray',
      type: 'checkbox',
      checked: options.closeToTray,
      click: (item) => actions.setTrayOption('closeToTray', item.checked),
    },
  ];
}

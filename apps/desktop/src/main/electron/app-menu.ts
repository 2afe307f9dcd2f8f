import type { MenuItemConstructorOptions } from 'electron';

import { trayOptionItems, type MenuActions } from './menu-actions';
import { PRODUCT_NAME } from './product';
import type { TrayOptions } from './tray-options';

/** Help pages, opened in the system browser. */
export const HELP_LINKS: readonly { readonly label: string; readonly url: string }[] = [
  { label: 'Directory Connector Help', url: 'https://bitwarden.com/help/directory-sync/' },
  { label: 'Desktop App Help', url: 'https://bitwarden.com/help/directory-sync-desktop/' },
  { label: 'Bitwarden Public API', url: 'https://bitwarden.com/help/public-api/' },
];

export interface AppMenuContext {
  readonly platform: NodeJS.Platform;
  /** Reload and developer tools are for development builds only. */
  readonly development: boolean;
  readonly trayOptions: TrayOptions;
  readonly actions: MenuActions;
}

/**
 * The application menu: File (Sync Now, Quit), Edit (the standard roles, so copy and paste work
 * in the forms), View, Window (with the tray options) and Help. On macOS the app's own menu comes
 * first and holds Quit, as the platform expects.
 */
export function applicationMenuTemplate(context: AppMenuContext): MenuItemConstructorOptions[] {
  const { actions, platform } = context;
  const mac = platform === 'darwin';
  const quit: MenuItemConstructorOptions = {
    label: mac ? `Quit ${PRODUCT_NAME}` : 'Quit',
    accelerator: 'CmdOrCtrl+Q',
    click: () => actions.quit(),
  };
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: PRODUCT_NAME,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            quit,
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    {
      label: 'File',
      submenu: [
        { label: 'Sync Now', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.syncNow() },
        ...(mac ? [] : [{ type: 'separator' } as const, quit]),
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...(context.development
          ? [
              { role: 'reload' } as const,
              { role: 'forceReload' } as const,
              { role: 'toggleDevTools' } as const,
              { type: 'separator' } as const,
            ]
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      role: 'window',
      submenu: [
        { role: 'minimize' },
        ...(mac ? [{ role: 'zoom' } as const] : []),
        { role: 'close' },
        { type: 'separator' },
        ...trayOptionItems(context.trayOptions, actions),
      ],
    },
    {
      label: 'Help',
      role: 'help',
      submenu: HELP_LINKS.map(({ label, url }) => ({
        label,
        click: () => actions.openExternal(url),
      })),
    },
  ];
}

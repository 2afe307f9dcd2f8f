import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';

import type { DesktopShell } from '../bridge/desktop-shell';

/** Electron's `shell`, as far as the bridge uses it. */
export interface ShellPort {
  showItemInFolder(fullPath: string): void;
}

/** Electron's `dialog`, as far as the bridge uses it. */
export interface DialogPort {
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

/** The bridge's desktop calls over Electron: the file manager and the open-file dialog. */
export function electronDesktopShell(shell: ShellPort, dialog: DialogPort): DesktopShell {
  return {
    showItemInFolder: (fullPath) => shell.showItemInFolder(fullPath),
    pickFile: async (title) => {
      const { canceled, filePaths } = await dialog.showOpenDialog({
        title,
        properties: ['openFile'],
      });
      return canceled ? null : (filePaths[0] ?? null);
    },
  };
}

/** What main asks of the desktop itself (Electron's `shell` and `dialog`), so it is tested in Node. */
export interface DesktopShell {
  /** Opens the system's file manager at the file. */
  showItemInFolder(path: string): void;
  /** An open-file dialog: the chosen path, or null when cancelled. */
  pickFile(title: string): Promise<string | null>;
}

/** Where there is no desktop (the test host): nothing to show, no dialog to open. */
export const NO_DESKTOP_SHELL: DesktopShell = {
  showItemInFolder: () => undefined,
  pickFile: () => Promise.resolve(null),
};

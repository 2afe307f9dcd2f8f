/** The part of Electron's `app` that single-instance needs. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  quit(): void;
}

/**
 * One app per user: two would run two schedulers over one data file. The first launch keeps the
 * lock and brings its window forward when another starts; a later launch quits at once.
 *
 * @returns whether this process is the one to go on.
 */
export function claimSingleInstance(app: SingleInstanceApp, showWindow: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', showWindow);
  return true;
}

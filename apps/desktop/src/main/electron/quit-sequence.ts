import type { PreventableEvent } from './tray-behaviour';

/** The part of Electron's `app` that quitting uses. */
export interface QuittableApp {
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
  quit(): void;
}

export interface QuitSequence {
  /** From the first Quit on: windows then close even when "close to tray" is on. */
  quitting(): boolean;
}

/**
 * Quitting waits for the desktop's `dispose` (a sync under way finishes, the schedule is kept):
 * the first `before-quit` is held back while it runs, then the app quits for real. A Quit
 * clicked meanwhile waits for the same dispose; the final `before-quit` goes through, so this
 * never loops. A failed dispose is reported and the app quits all the same.
 */
export function installQuitSequence(
  app: QuittableApp,
  dispose: () => Promise<void>,
  onError: (error: unknown) => void,
): QuitSequence {
  let stage: 'running' | 'disposing' | 'disposed' = 'running';
  app.on('before-quit', (event) => {
    if (stage === 'disposed') {
      return;
    }
    event.preventDefault();
    if (stage === 'disposing') {
      return;
    }
    stage = 'disposing';
    dispose()
      .catch(onError)
      .finally(() => {
        stage = 'disposed';
        app.quit();
      });
  });
  return { quitting: () => stage !== 'running' };
}

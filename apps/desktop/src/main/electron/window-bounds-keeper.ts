import type { Timer, TimerHandle } from '../scheduler';
import type { Rectangle, WindowBounds } from './window-bounds';

/** The part of a BrowserWindow the keeper watches. */
export interface BoundsSource {
  /** The bounds the window restores to, also while maximized or minimized. */
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  on(event: 'move', listener: () => void): unknown;
  on(event: 'resize', listener: () => void): unknown;
  on(event: 'maximize', listener: () => void): unknown;
  on(event: 'unmaximize', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

/** Moving or resizing fires dozens of events a second; one write once it has settled. */
export const BOUNDS_SAVE_DELAY_MS = 500;

/**
 * Remembers where the window is: after a move or resize has settled for a moment, and at once
 * when it closes (a pending save is taken over, not lost). Unchanged bounds cost no write.
 */
export function keepWindowBounds(
  window: BoundsSource,
  save: (bounds: WindowBounds) => Promise<void>,
  options: { readonly timer: Timer; readonly onError: (error: unknown) => void },
): void {
  const { timer, onError } = options;
  let pending: TimerHandle | undefined;
  let lastSaved: string | undefined;

  const saveNow = () => {
    pending = undefined;
    const bounds: WindowBounds = {
      ...wholeRectangle(window.getNormalBounds()),
      maximized: window.isMaximized(),
    };
    const text = JSON.stringify(bounds);
    if (text === lastSaved) {
      return;
    }
    lastSaved = text;
    save(bounds).catch(onError);
  };
  const saveSoon = () => {
    if (pending !== undefined) {
      timer.clear(pending);
    }
    pending = timer.set(saveNow, BOUNDS_SAVE_DELAY_MS);
  };

  window.on('move', saveSoon);
  window.on('resize', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', () => {
    if (pending !== undefined) {
      timer.clear(pending);
    }
    saveNow();
  });
}

/** Fractional bounds appear with display scaling; the data file keeps whole pixels. */
function wholeRectangle(bounds: Rectangle): Rectangle {
  return {
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
  };
}

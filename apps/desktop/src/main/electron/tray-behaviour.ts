import { closeAction, minimizeAction, type TrayOptions } from './tray-options';

/** What Electron hands a cancellable event's listener. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The part of a BrowserWindow that closing or minimizing to the tray uses. */
export interface TrayableWindow {
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  /** Not cancellable: the window is minimized by the time the listener runs. */
  on(event: 'minimize', listener: () => void): unknown;
  hide(): void;
}

/**
 * Closing or minimizing the window hides it to the tray when the options say so; the app, its
 * scheduler and the tray stay. Quitting always closes. A window hidden after minimizing comes
 * back restored (`MainWindow.show`).
 */
export function hideToTrayWhenAsked(
  window: TrayableWindow,
  state: { readonly options: () => TrayOptions; readonly quitting: () => boolean },
): void {
  window.on('close', (event) => {
    if (closeAction(state.options(), state.quitting()) === 'hide-to-tray') {
      event.preventDefault();
      window.hide();
    }
  });
  window.on('minimize', () => {
    if (minimizeAction(state.options()) === 'hide-to-tray') {
      window.hide();
    }
  });
}

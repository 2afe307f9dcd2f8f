/** The part of a BrowserWindow that bringing it forward uses. */
export interface ShowableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  on(event: 'closed', listener: () => void): unknown;
}

/**
 * The one app window: "Show" (the tray, a second launch, the macOS dock) brings it forward from
 * hidden or minimized, or opens it anew once it was closed. `open` creates a configured window,
 * which shows itself once painted.
 */
export class MainWindow<W extends ShowableWindow> {
  private window: W | null = null;

  constructor(private readonly open: () => W) {}

  current(): W | null {
    return this.window;
  }

  show(): void {
    const window = this.window;
    if (window === null || window.isDestroyed()) {
      const opened = this.open();
      this.window = opened;
      opened.on('closed', () => {
        if (this.window === opened) {
          this.window = null;
        }
      });
      return;
    }
    if (window.isMinimized()) {
      window.restore();
    }
    window.show();
    window.focus();
  }
}

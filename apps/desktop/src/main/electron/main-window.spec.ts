import { MainWindow, type ShowableWindow } from './main-window';

class FakeWindow implements ShowableWindow {
  calls: string[] = [];
  minimized = false;
  destroyed = false;
  private closedListeners: (() => void)[] = [];

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.minimized = false;
    this.calls.push('restore');
  }

  show(): void {
    this.calls.push('show');
  }

  focus(): void {
    this.calls.push('focus');
  }

  on(_event: 'closed', listener: () => void): void {
    this.closedListeners.push(listener);
  }

  close(): void {
    this.destroyed = true;
    this.closedListeners.forEach((listener) => listener());
  }
}

describe('the main window', () => {
  let opened: FakeWindow[];
  let main: MainWindow<FakeWindow>;

  beforeEach(() => {
    opened = [];
    main = new MainWindow(() => {
      const window = new FakeWindow();
      opened.push(window);
      return window;
    });
  });

  it('opens on the first show, and not again while it exists', () => {
    main.show();
    main.show();

    expect(opened).toHaveLength(1);
    expect(main.current()).toBe(opened[0]);
  });

  it('brings a minimized or hidden window forward', () => {
    main.show();
    const window = opened[0] as FakeWindow;
    window.minimized = true;

    main.show();

    expect(window.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('opens a new window once the last one was closed', () => {
    main.show();
    (opened[0] as FakeWindow).close();

    expect(main.current()).toBeNull();
    main.show();

    expect(opened).toHaveLength(2);
    expect(main.current()).toBe(opened[1]);
  });
});

import { claimSingleInstance, type SingleInstanceApp } from './single-instance';

/** Electron's lock as two processes see it: whoever asks first holds it. */
class SharedLock {
  private holder: FakeApp | null = null;
  private readonly apps: FakeApp[] = [];

  launch(): FakeApp {
    const app = new FakeApp(this);
    this.apps.push(app);
    return app;
  }

  request(app: FakeApp): boolean {
    if (this.holder === null) {
      this.holder = app;
      return true;
    }
    if (this.holder !== app) {
      // Electron tells the holder about the newcomer.
      this.holder.secondInstance.forEach((listener) => listener());
    }
    return this.holder === app;
  }
}

class FakeApp implements SingleInstanceApp {
  readonly secondInstance: (() => void)[] = [];
  quitCalls = 0;

  constructor(private readonly lock: SharedLock) {}

  requestSingleInstanceLock(): boolean {
    return this.lock.request(this);
  }

  on(_event: 'second-instance', listener: () => void): void {
    this.secondInstance.push(listener);
  }

  quit(): void {
    this.quitCalls += 1;
  }
}

describe('the single instance', () => {
  it('lets the first launch go on and bring its window forward when another starts', () => {
    const lock = new SharedLock();
    const first = lock.launch();
    let shown = 0;

    expect(claimSingleInstance(first, () => (shown += 1))).toBe(true);
    expect(claimSingleInstance(lock.launch(), () => undefined)).toBe(false);

    expect(shown).toBe(1);
    expect(first.quitCalls).toBe(0);
  });

  it('quits a second launch at once, without listening for others', () => {
    const lock = new SharedLock();
    claimSingleInstance(lock.launch(), () => undefined);
    const second = lock.launch();

    expect(claimSingleInstance(second, () => undefined)).toBe(false);

    expect(second.quitCalls).toBe(1);
    expect(second.secondInstance).toHaveLength(0);
  });
});

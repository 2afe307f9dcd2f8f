import type { PreventableEvent } from './tray-behaviour';
import { installQuitSequence, type QuittableApp } from './quit-sequence';

/** Electron's quit as far as this matters: `before-quit`, then gone unless prevented. */
class QuittingApp implements QuittableApp {
  quitAttempts = 0;
  exited = false;
  private listener: ((event: PreventableEvent) => void) | undefined;

  on(_event: 'before-quit', listener: (event: PreventableEvent) => void): void {
    this.listener = listener;
  }

  quit(): void {
    this.quitAttempts += 1;
    let prevented = false;
    this.listener?.({ preventDefault: () => (prevented = true) });
    if (!prevented) {
      this.exited = true;
    }
  }
}

/** A dispose the test finishes when it wants. */
function pendingDispose() {
  let finish: (error?: Error) => void = () => undefined;
  let calls = 0;
  const dispose = () => {
    calls += 1;
    return new Promise<void>((resolve, reject) => {
      finish = (error) => (error ? reject(error) : resolve());
    });
  };
  return { dispose, finish: (error?: Error) => finish(error), calls: () => calls };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('quitting', () => {
  it('waits for dispose, then quits once for real', async () => {
    const app = new QuittingApp();
    const desktop = pendingDispose();
    const sequence = installQuitSequence(app, desktop.dispose, () => undefined);
    expect(sequence.quitting()).toBe(false);

    app.quit();
    await settle();

    expect(app.exited).toBe(false);
    expect(sequence.quitting()).toBe(true);
    expect(desktop.calls()).toBe(1);

    desktop.finish();
    await settle();

    expect(app.exited).toBe(true);
    expect(app.quitAttempts).toBe(2);
  });

  it('disposes once however often Quit is clicked while it runs', async () => {
    const app = new QuittingApp();
    const desktop = pendingDispose();
    installQuitSequence(app, desktop.dispose, () => undefined);

    app.quit();
    app.quit();
    app.quit();
    await settle();
    desktop.finish();
    await settle();

    expect(desktop.calls()).toBe(1);
    expect(app.exited).toBe(true);
    expect(app.quitAttempts).toBe(4);
  });

  it('reports a failed dispose and quits all the same', async () => {
    const app = new QuittingApp();
    const desktop = pendingDispose();
    const errors: unknown[] = [];
    installQuitSequence(app, desktop.dispose, (error) => errors.push(error));

    app.quit();
    desktop.finish(new Error('the data file is locked'));
    await settle();

    expect(errors).toEqual([new Error('the data file is locked')]);
    expect(app.exited).toBe(true);
  });
});

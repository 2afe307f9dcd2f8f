import { MemoryAppSettings } from './testing/memory-app-settings';
import { hideToTrayWhenAsked, type PreventableEvent, type TrayableWindow } from './tray-behaviour';
import { closeAction, minimizeAction, parseTrayOptions } from './tray-options';
import { TrayPreferences } from './tray-preferences';

/** A window that closes unless a listener prevents it, and minimizes, as Electron's does. */
class ClosableWindow implements TrayableWindow {
  state: 'shown' | 'hidden' | 'minimized' | 'closed' = 'shown';
  private readonly listeners = new Map<string, ((event: PreventableEvent) => void)[]>();

  on(event: 'close', listener: (event: PreventableEvent) => void): void;
  on(event: 'minimize', listener: () => void): void;
  on(event: string, listener: (event: PreventableEvent) => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  hide(): void {
    this.state = 'hidden';
  }

  close(): void {
    if (!this.emit('close')) {
      this.state = 'closed';
    }
  }

  /** As Electron does: minimized first, then the (not cancellable) event. */
  minimize(): void {
    this.state = 'minimized';
    this.emit('minimize');
  }

  /** Whether a listener prevented the default. */
  private emit(name: string): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true) };
    this.listeners.get(name)?.forEach((listener) => listener(event));
    return prevented;
  }
}

describe('the tray options', () => {
  it.each([undefined, null, 'yes', { closeToTray: 'yes' }])(
    'are off when nothing readable is stored (%p)',
    (stored) => {
      expect(parseTrayOptions(stored)).toEqual({ minimizeToTray: false, closeToTray: false });
    },
  );

  it('keep what is stored, the missing one off', () => {
    expect(parseTrayOptions({ closeToTray: true })).toEqual({
      minimizeToTray: false,
      closeToTray: true,
    });
  });

  it('decide what close and minimize do; quitting always closes', () => {
    const both = { minimizeToTray: true, closeToTray: true };
    const none = { minimizeToTray: false, closeToTray: false };

    expect(closeAction(both, false)).toBe('hide-to-tray');
    expect(closeAction(both, true)).toBe('close');
    expect(closeAction(none, false)).toBe('close');
    expect(minimizeAction(both)).toBe('hide-to-tray');
    expect(minimizeAction(none)).toBe('minimize');
  });
});

describe('hiding the window to the tray', () => {
  let store: MemoryAppSettings;
  let preferences: TrayPreferences;
  let window: ClosableWindow;
  let quitting: boolean;

  beforeEach(async () => {
    store = new MemoryAppSettings();
    preferences = await TrayPreferences.load(store);
    window = new ClosableWindow();
    quitting = false;
    hideToTrayWhenAsked(window, { options: () => preferences.current(), quitting: () => quitting });
  });

  it('closes and minimizes as usual while the options are off', () => {
    window.minimize();
    expect(window.state).toBe('minimized');

    window.close();
    expect(window.state).toBe('closed');
  });

  it('hides instead of closing once close to tray is on, and stores the choice', async () => {
    await preferences.set('closeToTray', true);

    window.close();

    expect(window.state).toBe('hidden');
    expect(store.values.get('tray')).toEqual({ minimizeToTray: false, closeToTray: true });
  });

  it('hides instead of minimizing once minimize to tray is on', async () => {
    await preferences.set('minimizeToTray', true);

    window.minimize();

    expect(window.state).toBe('hidden');
  });

  it('closes while the app quits, close to tray or not', async () => {
    await preferences.set('closeToTray', true);
    quitting = true;

    window.close();

    expect(window.state).toBe('closed');
  });

  it('starts from the stored options', async () => {
    await store.write('tray', { minimizeToTray: true, closeToTray: true });
    const loaded = await TrayPreferences.load(store);

    expect(loaded.current()).toEqual({ minimizeToTray: true, closeToTray: true });
  });
});

import type { AppSettingsStore } from './app-settings';
import { TRAY_APP_KEY, parseTrayOptions, type TrayOption, type TrayOptions } from './tray-options';

/**
 * The tray options in memory, where the window's close and minimize handlers read them: those
 * must decide synchronously (`preventDefault` after an await is too late), so the data file is
 * read once at start and written on every change.
 */
export class TrayPreferences {
  private constructor(
    private readonly store: AppSettingsStore,
    private options: TrayOptions,
  ) {}

  static async load(store: AppSettingsStore): Promise<TrayPreferences> {
    return new TrayPreferences(store, parseTrayOptions(await store.read(TRAY_APP_KEY)));
  }

  current(): TrayOptions {
    return this.options;
  }

  async set(option: TrayOption, value: boolean): Promise<void> {
    this.options = { ...this.options, [option]: value };
    await this.store.write(TRAY_APP_KEY, this.options);
  }
}

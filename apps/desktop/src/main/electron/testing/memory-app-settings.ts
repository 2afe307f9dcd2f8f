import type { AppSettingsStore } from '../app-settings';

/** The `app` settings in memory; `values` is what the data file would hold. */
export class MemoryAppSettings implements AppSettingsStore {
  readonly values = new Map<string, unknown>();

  async read(key: string): Promise<unknown> {
    return structuredClone(this.values.get(key));
  }

  async write(key: string, value: unknown): Promise<void> {
    this.values.set(key, structuredClone(value));
  }
}

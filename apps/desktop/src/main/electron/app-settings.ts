import { DATA_KEYS, type DataFileStore } from '@bwdc/storage';

/**
 * The desktop's own settings under the data file's `app` (the window's bounds, the tray options),
 * one key each. Values are checked by whoever reads them: the file is shared and hand-editable.
 */
export interface AppSettingsStore {
  read(key: string): Promise<unknown>;
  write(key: string, value: unknown): Promise<void>;
}

/**
 * `app.<key>` in data.json. Writes go through `DataFileStore.update`, the locked read-modify-write
 * the CLI and the scheduler use, so none of them loses another's change.
 */
export class DataFileAppSettings implements AppSettingsStore {
  constructor(private readonly dataFile: DataFileStore) {}

  async read(key: string): Promise<unknown> {
    return (await this.dataFile.get(DATA_KEYS.app))[key];
  }

  async write(key: string, value: unknown): Promise<void> {
    await this.dataFile.update((document) => ({
      next: DATA_KEYS.app.write(document, { ...DATA_KEYS.app.read(document), [key]: value }),
      result: undefined,
    }));
  }
}

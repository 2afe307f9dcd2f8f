import { DATA_KEYS, type DataFileStore } from '@bwdc/storage';

import { parseScheduleState, type ScheduleState } from './schedule-state';
import type { ScheduleStore } from './schedule-store';

/** The key under the data file's `app` settings. */
export const SCHEDULER_APP_KEY = 'scheduler';

/**
 * The schedule in data.json, beside the desktop's other settings. Every change goes through
 * `DataFileStore.update`, the same locked read-modify-write the CLI uses, so a `bwdc` run and the
 * desktop app writing at the same moment never lose each other's change.
 */
export class DataFileScheduleStore implements ScheduleStore {
  constructor(private readonly dataFile: DataFileStore) {}

  async read(): Promise<ScheduleState> {
    return parseScheduleState((await this.dataFile.get(DATA_KEYS.app))[SCHEDULER_APP_KEY]);
  }

  update(change: (current: ScheduleState) => ScheduleState): Promise<ScheduleState> {
    return this.dataFile.update((document) => {
      const app = DATA_KEYS.app.read(document);
      const next = change(parseScheduleState(app[SCHEDULER_APP_KEY]));
      return {
        next: DATA_KEYS.app.write(document, { ...app, [SCHEDULER_APP_KEY]: next }),
        result: next,
      };
    });
  }
}

import { systemClock, type Logger, type SyncReport } from '@bwdc/core';
import type { DataFileStore } from '@bwdc/storage';

import { DataFileScheduleStore } from './data-file-schedule-store';
import { intervalFromDataFile } from './sync-interval';
import { SyncScheduler } from './sync-scheduler';
import { systemTimer } from './timer';

/**
 * The scheduler as the main process runs it: the schedule and the interval in data.json, real
 * time. `sync` is the Connector's, e.g. `() => connector.sync({ force: false })`.
 */
export function createSyncScheduler(options: {
  readonly dataFile: DataFileStore;
  readonly sync: () => Promise<SyncReport>;
  readonly logger: Logger;
}): SyncScheduler {
  return new SyncScheduler({
    store: new DataFileScheduleStore(options.dataFile),
    interval: intervalFromDataFile(options.dataFile),
    sync: options.sync,
    clock: systemClock,
    timer: systemTimer,
    logger: options.logger,
  });
}

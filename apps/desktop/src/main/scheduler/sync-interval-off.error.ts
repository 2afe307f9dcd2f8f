import { SyncError } from '@bwdc/core';

/** Start was asked for while the interval is off (empty or ≤ 0); nothing was scheduled. */
export class SyncIntervalOffError extends SyncError {
  readonly code = 'SYNC_INTERVAL_OFF';
  readonly side = 'configuration';

  constructor() {
    super(
      'Scheduled syncing is off: the sync interval is not set.',
      'Set the sync interval (in minutes, at least 5) in the settings, then start syncing.',
    );
  }
}

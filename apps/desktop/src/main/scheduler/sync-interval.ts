import { DATA_KEYS, type DataFileStore } from '@bwdc/storage';

/** Upstream's floor ("Minimum sync interval is 5 minutes."). */
export const MINIMUM_SYNC_INTERVAL_MINUTES = 5;

/** The active profile's `sync.interval` as stored (minutes), read afresh at each scheduling. */
export type IntervalSource = () => Promise<number | null>;

/**
 * Upstream's rule (`ConnectorUtils.adjustConfigForSave`): null or ≤ 0 turns scheduling off and
 * anything under 5 minutes becomes 5. A value that is not a finite number also means off, where
 * upstream would have stored NaN and stopped silently.
 */
export function clampSyncInterval(minutes: number | null): number | null {
  if (minutes === null || !Number.isFinite(minutes) || minutes <= 0) {
    return null;
  }
  return Math.max(minutes, MINIMUM_SYNC_INTERVAL_MINUTES);
}

export function intervalFromDataFile(dataFile: DataFileStore): IntervalSource {
  return async () => (await dataFile.get(DATA_KEYS.syncOptions)).interval;
}

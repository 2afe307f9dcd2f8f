import type { DirectoryType, RunRecord } from '@bwdc/core';

import type { ServerSettings } from './connector-bridge';

/** The dashboard's and the More screen's picture of the app, read afresh on every change. */
export interface StatusView {
  readonly version: string;
  /** The full path of data.json, shared with `bwdc`. */
  readonly dataFilePath: string;
  readonly loggedIn: boolean;
  /** The organization the API key belongs to, once logged in. */
  readonly organizationId: string | null;
  /** null: the Bitwarden US cloud. */
  readonly server: ServerSettings | null;
  readonly profile: string;
  readonly profiles: readonly string[];
  readonly directoryType: DirectoryType | null;
  readonly lastUserSync: string | null;
  readonly lastGroupSync: string | null;
  readonly schedule: ScheduleView;
  /** The shared run history (every front end's runs), newest first. */
  readonly history: readonly RunRecordView[];
}

/** Start / Stop Sync. */
export interface ScheduleView {
  /** Whether interval syncs are on (they go on after a restart). */
  readonly running: boolean;
  /** Whether a sync (scheduled or Sync now) is going on now. */
  readonly syncing: boolean;
  readonly nextRunAt: string | null;
  /** Why the schedule stopped when the user did not stop it. */
  readonly stoppedReason: 'user' | 'interval-off' | null;
  /** `sync.interval` as the scheduler applies it (minutes), or null when off. */
  readonly intervalMinutes: number | null;
}

/**
 * One run of the shared history, as the Connector recorded it in the data file: a test, preview
 * or sync, from this app, `bwdc` or `bwdc serve`. Plain data already, so sent as it is.
 */
export type RunRecordView = RunRecord;

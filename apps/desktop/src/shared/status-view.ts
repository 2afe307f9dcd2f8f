import type { DirectoryType, SyncCounts } from '@bwdc/core';

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
}

/** Start / Stop Sync and the run history. */
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
  /** Newest first. */
  readonly history: readonly RunRecordView[];
}

interface RunTimes {
  /** `schedule`: the timer started it; `manual`: Sync now. */
  readonly trigger: 'schedule' | 'manual';
  readonly startedAt: string;
  readonly finishedAt: string;
}

/** One run of the history: what it did, or why it failed. */
export type RunRecordView =
  | (RunTimes & {
      readonly status: 'ok';
      readonly outcome: 'send' | 'unchanged' | 'empty';
      readonly mode: 'full' | 'delta';
      readonly requestsSent: number;
      readonly counts: SyncCounts;
    })
  | (RunTimes & {
      readonly status: 'error';
      readonly error: {
        readonly message: string;
        readonly code: string | null;
        readonly remedy: string | null;
      };
    });

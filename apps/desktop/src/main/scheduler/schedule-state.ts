import { z } from 'zod';

import { RunRecordSchema, type RunRecord } from './run-record';

/** Runs kept in the data file: enough to see a pattern of failures, small enough to rewrite. */
export const DEFAULT_HISTORY_LIMIT = 50;

/**
 * The schedule as persisted in `app.scheduler`. `running` is the user's choice (Start / Stop),
 * so it survives a restart; `nextRunAt` is when the next scheduled sync is due (ISO time).
 */
export const ScheduleStateSchema = z.object({
  running: z.boolean(),
  nextRunAt: z.iso.datetime().nullable(),
  /** Why the schedule is stopped when the user did not stop it (the interval was turned off). */
  stoppedReason: z.enum(['user', 'interval-off']).nullable(),
  /** Newest first. */
  history: z.array(RunRecordSchema),
});

export type ScheduleState = z.infer<typeof ScheduleStateSchema>;
export type StopReason = NonNullable<ScheduleState['stoppedReason']>;

export function emptyScheduleState(): ScheduleState {
  return { running: false, nextRunAt: null, stoppedReason: null, history: [] };
}

/**
 * Reads a stored schedule. Anything unreadable counts as "not running": it is the app's own
 * bookkeeping, not configuration, and the worst case is one click on Start.
 */
export function parseScheduleState(stored: unknown): ScheduleState {
  const parsed = ScheduleStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : emptyScheduleState();
}

export function withRun(state: ScheduleState, run: RunRecord, limit: number): ScheduleState {
  return { ...state, history: [run, ...state.history].slice(0, limit) };
}

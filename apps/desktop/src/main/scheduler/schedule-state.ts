import { z } from 'zod';

/**
 * The schedule as persisted in `app.scheduler`. `running` is the user's choice (Start / Stop),
 * so it survives a restart; `nextRunAt` is when the next scheduled sync is due (ISO time). The
 * runs themselves are in the data file's shared `runs`, kept by the Connector; a `history` an
 * earlier version stored here is ignored (and dropped at the next write).
 */
export const ScheduleStateSchema = z.object({
  running: z.boolean(),
  nextRunAt: z.iso.datetime().nullable(),
  /** Why the schedule is stopped when the user did not stop it (the interval was turned off). */
  stoppedReason: z.enum(['user', 'interval-off']).nullable(),
});

export type ScheduleState = z.infer<typeof ScheduleStateSchema>;
export type StopReason = NonNullable<ScheduleState['stoppedReason']>;

export function emptyScheduleState(): ScheduleState {
  return { running: false, nextRunAt: null, stoppedReason: null };
}

/**
 * Reads a stored schedule. Anything unreadable counts as "not running": it is the app's own
 * bookkeeping, not configuration, and the worst case is one click on Start.
 */
export function parseScheduleState(stored: unknown): ScheduleState {
  const parsed = ScheduleStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : emptyScheduleState();
}

import { Cron } from 'croner';

/** Upstream's floor for the sync interval, in minutes. */
export const MIN_INTERVAL_MINUTES = 5;

/** The data file's settings that decide when serve syncs. */
export interface ScheduleSettings {
  /** A cron expression (5 fields, or 6 with seconds); wins over `interval` when set. */
  readonly schedule: string | null;
  /** Minutes between syncs, as upstream: null or 0 or less is off, under 5 is 5. */
  readonly interval: number | null;
}

export type Schedule =
  | { readonly kind: 'cron'; readonly expression: string; readonly cron: Cron }
  | { readonly kind: 'interval'; readonly everyMs: number }
  | { readonly kind: 'off' }
  | { readonly kind: 'invalid'; readonly expression: string; readonly problem: string };

/**
 * When serve syncs: `--interval-seconds` when given (it is there for tests and special cases),
 * else the cron expression, else the interval with upstream's semantics.
 */
export function scheduleFrom(settings: ScheduleSettings, overrideSeconds: number | null): Schedule {
  if (overrideSeconds !== null) {
    return { kind: 'interval', everyMs: overrideSeconds * 1000 };
  }
  const expression = settings.schedule?.trim() ?? '';
  if (expression !== '') {
    try {
      return { kind: 'cron', expression, cron: new Cron(expression, { mode: '5-or-6-parts' }) };
    } catch (error) {
      return {
        kind: 'invalid',
        expression,
        problem: error instanceof Error ? error.message : String(error),
      };
    }
  }
  const minutes = settings.interval;
  if (minutes === null || !Number.isFinite(minutes) || minutes <= 0) {
    return { kind: 'off' };
  }
  return { kind: 'interval', everyMs: Math.max(minutes, MIN_INTERVAL_MINUTES) * 60_000 };
}

/** What the next scheduled run is counted from. */
export interface ScheduleReference {
  /** When serve started: an interval schedule runs right away, a cron one at its next match. */
  readonly serviceStartedAt: Date;
  /** When the previous run ended; null before the first. */
  readonly lastRunFinishedAt: Date | null;
}

/**
 * The next scheduled run, which may already be due: with an interval, at start and then one
 * interval after the previous run ended; with cron, the first match after the previous run ended
 * (or after start), so a run that overran skips the matches it missed. Null when off or invalid.
 */
export function nextScheduledRun(schedule: Schedule, reference: ScheduleReference): Date | null {
  const { serviceStartedAt, lastRunFinishedAt } = reference;
  switch (schedule.kind) {
    case 'interval':
      return lastRunFinishedAt === null
        ? serviceStartedAt
        : new Date(lastRunFinishedAt.getTime() + schedule.everyMs);
    case 'cron':
      return schedule.cron.nextRun(lastRunFinishedAt ?? serviceStartedAt);
    case 'off':
    case 'invalid':
      return null;
  }
}

/** The schedule in words, for the log and /health. */
export function describeSchedule(schedule: Schedule): string {
  switch (schedule.kind) {
    case 'interval':
      return schedule.everyMs % 60_000 === 0
        ? `every ${schedule.everyMs / 60_000} minute${schedule.everyMs === 60_000 ? '' : 's'}`
        : `every ${schedule.everyMs / 1000} second${schedule.everyMs === 1000 ? '' : 's'}`;
    case 'cron':
      return `cron ${schedule.expression}`;
    case 'off':
      return 'off (sync.interval is not set and sync.schedule is empty)';
    case 'invalid':
      return `invalid cron expression ${JSON.stringify(schedule.expression)}: ${schedule.problem}`;
  }
}

import type { SyncReport } from '@bwdc/core';

import { retryAt } from './backoff';
import { runFailed, runSucceeded, type RunResult } from './run-result';
import {
  describeSchedule,
  nextScheduledRun,
  scheduleFrom,
  type Schedule,
  type ScheduleSettings,
} from './schedule';

/** The longest single wait: the schedule settings are read again at least this often. */
export const RECHECK_MS = 60_000;

/** The service loop's log (the pino logger fits). */
export interface LoopLog {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface ServiceLoopDependencies {
  /** One scheduled sync: `connector.sync({ force: false, trigger: 'schedule' })`. */
  readonly sync: () => Promise<SyncReport>;
  /** The data file's schedule settings, read again before every wait. */
  readonly readSettings: () => Promise<ScheduleSettings>;
  /** `--interval-seconds`: replaces the settings when set. */
  readonly intervalSeconds: number | null;
  readonly now: () => Date;
  /** Resolves after `ms`, or as soon as `signal` aborts. */
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly log: LoopLog;
  /** Told the schedule and the next run time whenever they are computed. */
  readonly onSchedule: (schedule: Schedule, nextRunAt: Date | null) => void;
  readonly onRunFinished: (result: RunResult) => void;
}

/** How `stop` ended: nothing was running, the running sync finished, or it outlived the grace. */
export type StopOutcome = 'idle' | 'finished' | 'abandoned';

/**
 * Runs the scheduled syncs, one at a time: a single loop that computes the next run, waits for
 * it (at most a minute at a time, so settings changes apply without a restart), runs it and
 * starts over. Transient failures are retried with backoff (never later than the next scheduled
 * run); any other failure waits for the next scheduled run. Nothing a run throws ends the loop.
 */
export class ServiceLoop {
  private readonly startedAt: Date;
  private readonly wake = new AbortController();
  private stopped = false;
  private current: Promise<void> | null = null;
  private lastFinishedAt: Date | null = null;
  private transientFailures = 0;
  private retryTime: Date | null = null;
  private schedule: Schedule | null = null;
  private described: string | null = null;

  constructor(private readonly dependencies: ServiceLoopDependencies) {
    this.startedAt = dependencies.now();
  }

  /** Resolves once stopped. */
  async run(): Promise<void> {
    while (!this.stopped) {
      const schedule = await this.readSchedule();
      const now = this.dependencies.now();
      const next = schedule === null ? null : this.nextRunAt(schedule);
      if (schedule !== null) {
        this.announce(schedule, next);
      }
      if (next !== null && next.getTime() <= now.getTime()) {
        this.current = this.runOnce();
        await this.current;
        this.current = null;
        continue;
      }
      const wait =
        next === null ? RECHECK_MS : Math.min(next.getTime() - now.getTime(), RECHECK_MS);
      await this.dependencies.sleep(wait, this.wake.signal);
    }
  }

  /**
   * Arms nothing more; lets a running sync finish, waiting at most `graceMs` for it.
   */
  async stop(graceMs: number): Promise<StopOutcome> {
    this.stopped = true;
    this.wake.abort();
    const running = this.current;
    if (running === null) {
      return 'idle';
    }
    const grace = new AbortController();
    const outcome = await Promise.race([
      running.then(() => 'finished' as const),
      this.dependencies.sleep(graceMs, grace.signal).then(() => 'abandoned' as const),
    ]);
    grace.abort();
    return outcome;
  }

  private async readSchedule(): Promise<Schedule | null> {
    try {
      this.schedule = scheduleFrom(
        await this.dependencies.readSettings(),
        this.dependencies.intervalSeconds,
      );
    } catch (error) {
      if (this.dependencies.intervalSeconds !== null) {
        this.schedule = scheduleFrom(
          { schedule: null, interval: null },
          this.dependencies.intervalSeconds,
        );
      }
      this.dependencies.log.warn(
        { code: (error as { code?: unknown } | null)?.code ?? null },
        `Could not read the schedule from the data file (${error instanceof Error ? error.message : String(error)}); ` +
          (this.schedule === null
            ? 'trying again in a minute.'
            : 'keeping the schedule read before.'),
      );
    }
    return this.schedule;
  }

  private nextRunAt(schedule: Schedule): Date | null {
    const scheduled = nextScheduledRun(schedule, {
      serviceStartedAt: this.startedAt,
      lastRunFinishedAt: this.lastFinishedAt,
    });
    if (scheduled === null || this.retryTime === null) {
      return scheduled;
    }
    return this.retryTime < scheduled ? this.retryTime : scheduled;
  }

  private announce(schedule: Schedule, next: Date | null): void {
    const description = describeSchedule(schedule);
    if (description !== this.described) {
      this.described = description;
      const fields = { schedule: description, nextRunAt: next?.toISOString() ?? null };
      if (schedule.kind === 'invalid') {
        this.dependencies.log.error(
          { ...fields, code: 'SCHEDULE_INVALID' },
          `The sync schedule is not valid: ${description}. Fix it with bwdc config sync.schedule "<cron>" (5 or 6 fields) or clear it; nothing runs until then.`,
        );
      } else if (schedule.kind === 'off') {
        this.dependencies.log.warn(
          fields,
          'No sync is scheduled: set sync.interval (minutes) or sync.schedule (cron) with bwdc config; serve checks again every minute.',
        );
      } else {
        this.dependencies.log.info(fields, `Syncs are scheduled ${description}.`);
      }
    }
    this.notify(() => this.dependencies.onSchedule(schedule, next));
  }

  private async runOnce(): Promise<void> {
    const { now, log } = this.dependencies;
    const startedAt = now();
    log.info({ trigger: 'schedule' }, 'Sync started.');
    let result: RunResult;
    try {
      result = runSucceeded(startedAt, startedAt, await this.dependencies.sync());
    } catch (error) {
      result = runFailed(startedAt, startedAt, error);
    }
    result = { ...result, finishedAt: now() };
    this.lastFinishedAt = result.finishedAt;
    this.afterRun(result);
    this.notify(() => this.dependencies.onRunFinished(result));
  }

  private afterRun(result: RunResult): void {
    const { log } = this.dependencies;
    const durationMs = result.finishedAt.getTime() - result.startedAt.getTime();
    const { failure, report } = result;
    if (failure === null) {
      this.transientFailures = 0;
      this.retryTime = null;
      log.info(
        {
          outcome: result.outcome,
          durationMs,
          mode: report?.mode ?? null,
          members: report?.counts.users ?? null,
          groups: report?.counts.groups ?? null,
          requestsSent: report?.requestsSent ?? null,
        },
        `Sync finished: ${successText(result)}.`,
      );
      return;
    }
    const fields = {
      outcome: result.outcome,
      durationMs,
      code: failure.code,
      side: failure.side,
      kind: failure.kind,
    };
    if (failure.kind === 'transient') {
      this.transientFailures += 1;
      const scheduled =
        this.schedule === null
          ? null
          : nextScheduledRun(this.schedule, {
              serviceStartedAt: this.startedAt,
              lastRunFinishedAt: result.finishedAt,
            });
      this.retryTime = retryAt(result.finishedAt, this.transientFailures, scheduled);
      log.warn(
        { ...fields, retryAt: this.retryTime.toISOString(), attempt: this.transientFailures },
        `Sync failed; retrying at ${this.retryTime.toISOString()}: ${failure.message}`,
      );
      return;
    }
    this.transientFailures = 0;
    this.retryTime = null;
    log.error(
      fields,
      failure.kind === 'guard'
        ? `Sync refused by a guard; nothing was sent and serve will not retry before the next scheduled run: ${failure.message}`
        : `Sync failed; waiting for the next scheduled run: ${failure.message}`,
    );
  }

  /** An observer that throws must not stop the loop. */
  private notify(call: () => void): void {
    try {
      call();
    } catch (error) {
      this.dependencies.log.error(
        { error: error instanceof Error ? error.message : String(error) },
        'An internal observer of the service failed; the service keeps running.',
      );
    }
  }
}

function successText(result: RunResult): string {
  const report = result.report;
  if (report === null) {
    return result.outcome;
  }
  switch (report.outcome) {
    case 'send':
      return `sent ${report.counts.users} members and ${report.counts.groups} groups in ${report.requestsSent} request${report.requestsSent === 1 ? '' : 's'}`;
    case 'unchanged':
      return 'nothing changed since the last sync, nothing was sent';
    case 'empty':
      return 'the directory read returned nothing to send';
  }
}

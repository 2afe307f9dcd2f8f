import type { Clock, Logger, RunTrigger, SyncReport } from '@bwdc/core';

import { runSummary, type ScheduledRun } from './scheduled-run';
import { emptyScheduleState, type ScheduleState, type StopReason } from './schedule-state';
import type { ScheduleStore } from './schedule-store';
import { SyncIntervalOffError } from './sync-interval-off.error';
import { clampSyncInterval, type IntervalSource } from './sync-interval';
import { MAX_TIMER_DELAY_MS, type Timer, type TimerHandle } from './timer';

const MINUTE_MS = 60_000;

/** A run missed while the app was closed starts this long after launch, not during it. */
export const DEFAULT_RESUME_DELAY_MS = 10_000;
/** When a run's outcome or the next run cannot be saved, try again after this long. */
export const DEFAULT_RETRY_DELAY_MS = 60_000;

/**
 * One sync (the Connector's `sync`, which records every run, refusals and failures included, in
 * the shared run history); its failures are logged, never thrown past a run.
 */
export type SchedulerSync = (options: {
  /** Past the deletion guard and the empty-read guard, reading the whole directory. */
  readonly force: boolean;
  readonly trigger: RunTrigger;
}) => Promise<SyncReport>;

export interface SyncSchedulerDependencies {
  readonly store: ScheduleStore;
  readonly interval: IntervalSource;
  readonly sync: SchedulerSync;
  readonly clock: Clock;
  readonly timer: Timer;
  readonly logger?: Logger;
  readonly resumeDelayMs?: number;
  readonly retryDelayMs?: number;
}

/** What the UI shows: the schedule and whether a sync is going on now (the runs: `history()`). */
export interface SchedulerStatus {
  readonly running: boolean;
  readonly syncing: boolean;
  readonly nextRunAt: string | null;
  readonly stoppedReason: StopReason | null;
}

export type SchedulerListener = (status: SchedulerStatus) => void;

/**
 * Runs a sync every `sync.interval` minutes while the user wants it, across restarts of the app.
 * One timer at a time, armed only once the previous run is recorded, so runs never overlap.
 * Start, stop, resume and the bookkeeping after a run go through one queue so their writes land
 * in the order they were asked for; the sync itself stays out of it, so Stop never waits for one.
 */
export class SyncScheduler {
  private state: ScheduleState = emptyScheduleState();
  /** Whether this process keeps the schedule going (persisted `running` may say so while not). */
  private active = false;
  private disposed = false;
  private handle: TimerHandle | null = null;
  private currentRun: Promise<ScheduledRun> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly listeners = new Set<SchedulerListener>();

  constructor(private readonly dependencies: SyncSchedulerDependencies) {}

  status(): SchedulerStatus {
    const { running, nextRunAt, stoppedReason } = this.state;
    return { running, syncing: this.currentRun !== null, nextRunAt, stoppedReason };
  }

  /** Calls `listener` with the new status on every change; returns a function that stops. */
  onChange(listener: SchedulerListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * At app start: picks the schedule up where the last session left it. A run that fell due while
   * the app was closed starts after the resume delay; a due time further off than one interval
   * (the clock or the interval changed meanwhile) is brought back to one interval from now.
   */
  resume(): Promise<SchedulerStatus> {
    return this.exclusive(async () => {
      this.state = await this.dependencies.store.read();
      if (!this.state.running) {
        this.emit();
        return this.status();
      }
      const intervalMs = await this.intervalMs();
      if (intervalMs === null) {
        await this.halt('interval-off');
        return this.status();
      }
      const now = this.now();
      const persisted = this.state.nextRunAt === null ? null : Date.parse(this.state.nextRunAt);
      const earliest = now + (this.dependencies.resumeDelayMs ?? DEFAULT_RESUME_DELAY_MS);
      const latest = now + intervalMs;
      const at = persisted === null ? latest : Math.min(Math.max(persisted, earliest), latest);
      await this.arm(at);
      return this.status();
    });
  }

  /** Turns the schedule on: the first run is one interval from now. */
  start(): Promise<SchedulerStatus> {
    return this.exclusive(async () => {
      if (this.active) {
        return this.status();
      }
      const intervalMs = await this.intervalMs();
      if (intervalMs === null) {
        throw new SyncIntervalOffError();
      }
      await this.arm(this.now() + intervalMs);
      return this.status();
    });
  }

  /** Turns the schedule off. A sync already going on finishes and is recorded. */
  stop(): Promise<SchedulerStatus> {
    return this.exclusive(async () => {
      await this.halt('user');
      return this.status();
    });
  }

  /**
   * One sync now (Sync now). While one is going on this joins it instead of starting another,
   * unless `force` (the user confirmed removals the guard refused): that one waits for the run
   * under way and then runs, so the confirmation is never folded into an unforced run. With the
   * schedule on, the next run is one interval after this.
   */
  runNow(options: { readonly force?: boolean } = {}): Promise<ScheduledRun> {
    return this.run('manual', options.force ?? false);
  }

  /**
   * App quit: timers stop and listeners go, but the persisted `running` stays as it is, so the
   * next launch resumes. Quitting is not the user's Stop.
   */
  dispose(): void {
    this.disposed = true;
    this.active = false;
    this.clearTimer();
    this.listeners.clear();
  }

  /** Resolves once no sync, write or scheduling is under way (for quitting cleanly, and tests). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.allSettled([...this.pending]);
    }
  }

  private run(trigger: RunTrigger, force: boolean): Promise<ScheduledRun> {
    if (this.currentRun !== null) {
      const current = this.currentRun;
      return force ? this.track(current.then(() => this.run(trigger, force))) : current;
    }
    const run = this.track(this.execute(trigger, force));
    this.currentRun = run;
    this.emit();
    return run;
  }

  private async execute(trigger: RunTrigger, force: boolean): Promise<ScheduledRun> {
    let result: ScheduledRun;
    try {
      result = { ok: true, trigger, report: await this.dependencies.sync({ force, trigger }) };
    } catch (error) {
      result = { ok: false, trigger, error };
    }
    const { level, message } = runSummary(result);
    this.dependencies.logger?.log(level, message);
    try {
      await this.exclusive(async () => {
        if (this.active) {
          await this.scheduleNext();
        }
      });
    } finally {
      this.currentRun = null;
      this.emit();
    }
    return result;
  }

  /** Reads the interval afresh, so a settings change applies from the next run on. */
  private async scheduleNext(): Promise<void> {
    const intervalMs = await this.intervalMs();
    if (intervalMs === null) {
      await this.halt('interval-off');
      return;
    }
    await this.arm(this.now() + intervalMs);
  }

  private async arm(at: number): Promise<void> {
    const nextRunAt = new Date(at).toISOString();
    await this.persist((state) => ({ ...state, running: true, nextRunAt, stoppedReason: null }));
    this.active = !this.disposed;
    this.setTimer(at);
  }

  private async halt(reason: StopReason): Promise<void> {
    this.active = false;
    this.clearTimer();
    await this.persist((state) => ({
      ...state,
      running: false,
      nextRunAt: null,
      stoppedReason: reason,
    }));
  }

  private setTimer(at: number): void {
    this.clearTimer();
    if (!this.active) {
      return;
    }
    const delay = Math.min(Math.max(at - this.now(), 0), MAX_TIMER_DELAY_MS);
    this.handle = this.dependencies.timer.set(() => {
      this.handle = null;
      this.onTimer(at);
    }, delay);
  }

  private clearTimer(): void {
    if (this.handle !== null) {
      this.dependencies.timer.clear(this.handle);
      this.handle = null;
    }
  }

  private onTimer(at: number): void {
    if (!this.active) {
      return;
    }
    // Early (a long wait armed in steps, or the wall clock moved back): wait for the rest.
    if (this.now() < at) {
      this.setTimer(at);
      return;
    }
    void this.track(this.fire());
  }

  /** Never rejects: whatever goes wrong, the schedule stays on and tries again. */
  private async fire(): Promise<void> {
    // Coalesce: the sync going on (a Sync now) arms the next run when it ends.
    if (this.currentRun !== null) {
      return;
    }
    try {
      // The interval turned off since the last run means no more runs, not one more.
      const off = await this.exclusive(async () => {
        if ((await this.intervalMs()) === null) {
          await this.halt('interval-off');
          return true;
        }
        return false;
      });
      if (!off) {
        await this.run('schedule', false);
      }
    } catch (error) {
      this.dependencies.logger?.log('error', 'The sync schedule could not be saved.', {
        error: error instanceof Error ? error.message : String(error),
      });
      this.setTimer(this.now() + (this.dependencies.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS));
    }
  }

  private async intervalMs(): Promise<number | null> {
    const minutes = clampSyncInterval(await this.dependencies.interval());
    return minutes === null ? null : minutes * MINUTE_MS;
  }

  private async persist(change: (state: ScheduleState) => ScheduleState): Promise<void> {
    this.state = await this.dependencies.store.update(change);
    this.emit();
  }

  private emit(): void {
    const status = this.status();
    for (const listener of this.listeners) {
      try {
        listener(status);
      } catch (error) {
        this.dependencies.logger?.log('warn', 'A scheduler listener failed.', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return this.track(result);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = () => this.pending.delete(work);
    void work.then(forget, forget);
    return work;
  }

  private now(): number {
    return this.dependencies.clock.now().getTime();
  }
}

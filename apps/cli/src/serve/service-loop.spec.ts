import type { SyncReport } from '@bwdc/core';

import type { RunResult } from './run-result';
import type { Schedule, ScheduleSettings } from './schedule';
import { aSyncReport, guardTrip, serverError } from './serve-test-data';
import { RECHECK_MS, ServiceLoop } from './service-loop';

const START = Date.UTC(2026, 2, 2, 10, 0, 0);
/** A grace period the fake sleep never ends by itself. */
const HANGING_GRACE_MS = 987_654;

type Step = () => SyncReport | Error;
const sends: Step = () => aSyncReport('send');
const unchanged: Step = () => aSyncReport('unchanged');
const failsWith =
  (error: () => Error): Step =>
  () =>
    error();

interface Harness {
  readonly loop: ServiceLoop;
  /** Seconds after START at which each run started. */
  readonly runStarts: number[];
  readonly results: RunResult[];
  readonly schedules: { schedule: Schedule; nextRunAt: Date | null }[];
  readonly done: Promise<void>;
}

/**
 * The loop on a fake clock: `sleep` moves the clock on at once, each sync takes one second and
 * answers the next step; the loop stops after the last step (or after `maxSleeps` waits).
 */
function harness(options: {
  readonly steps: readonly Step[];
  readonly settings?: (runsSoFar: number, sleepsSoFar: number) => ScheduleSettings;
  readonly intervalSeconds?: number | null;
  readonly maxSleeps?: number;
}): Harness {
  let now = START;
  let sleeps = 0;
  let running = 0;
  const runStarts: number[] = [];
  const results: RunResult[] = [];
  const schedules: Harness['schedules'] = [];
  const settings = options.settings ?? (() => ({ schedule: null, interval: 5 }));
  const loop: ServiceLoop = new ServiceLoop({
    sync: async () => {
      running += 1;
      expect(running).toBe(1);
      runStarts.push((now - START) / 1000);
      const step = options.steps[runStarts.length - 1];
      if (runStarts.length >= options.steps.length) {
        void loop.stop(0);
      }
      await Promise.resolve();
      now += 1000;
      running -= 1;
      const answer = step?.() ?? new Error('no step left');
      if (answer instanceof Error) {
        throw answer;
      }
      return answer;
    },
    readSettings: async () => settings(runStarts.length, sleeps),
    intervalSeconds: options.intervalSeconds ?? null,
    now: () => new Date(now),
    sleep: async (ms, signal) => {
      if (ms === HANGING_GRACE_MS) {
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
        return;
      }
      sleeps += 1;
      if (sleeps >= (options.maxSleeps ?? 10_000)) {
        void loop.stop(0);
      }
      if (!signal.aborted) {
        now += ms;
      }
    },
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    },
    onSchedule: (schedule, nextRunAt) => schedules.push({ schedule, nextRunAt }),
    onRunFinished: (result) => results.push(result),
  });
  return { loop, runStarts, results, schedules, done: loop.run() };
}

describe('ServiceLoop', () => {
  it('retries transient failures after 30 s, then 60 s; a guard refusal waits for the next run', async () => {
    const run = harness({
      steps: [failsWith(serverError), failsWith(serverError), sends, failsWith(guardTrip), sends],
    });

    await run.done;

    // Every 5 minutes; each run takes 1 s. Retries at +30 s and +60 s after the failed run ended.
    expect(run.runStarts).toEqual([0, 31, 92, 393, 694]);
    expect(run.results.map((result) => result.outcome)).toEqual([
      'failed',
      'failed',
      'sent',
      'refused',
      'sent',
    ]);
  });

  it('never retries later than the next scheduled run', async () => {
    const run = harness({
      steps: [failsWith(serverError), failsWith(serverError), failsWith(serverError), unchanged],
      intervalSeconds: 10,
    });

    await run.done;

    expect(run.runStarts).toEqual([0, 11, 22, 33]);
  });

  it('waits for the next scheduled run after a failure that needs a human', async () => {
    const notLoggedIn = () =>
      Object.assign(new Error('You are not logged in.'), { code: 'NOT_LOGGED_IN' });
    const run = harness({ steps: [failsWith(notLoggedIn), sends] });

    await run.done;

    expect(run.runStarts).toEqual([0, 301]);
  });

  it('reads the schedule again before each wait, so a changed interval applies without a restart', async () => {
    const run = harness({
      steps: [sends, unchanged, unchanged],
      settings: (runsSoFar) => ({ schedule: null, interval: runsSoFar === 0 ? 5 : 10 }),
    });

    await run.done;

    expect(run.runStarts).toEqual([0, 601, 1202]);
  });

  it('waits, checking every minute, while no schedule is set, and runs once one is', async () => {
    const run = harness({
      steps: [sends],
      settings: (_runs, sleepsSoFar) => ({ schedule: null, interval: sleepsSoFar < 3 ? null : 5 }),
    });

    await run.done;

    expect(run.runStarts).toEqual([(3 * RECHECK_MS) / 1000]);
    expect(run.schedules[0]).toEqual({ schedule: { kind: 'off' }, nextRunAt: null });
  });

  it('never exits on a failure, whatever the run threw', async () => {
    const run = harness({
      steps: [failsWith(() => new TypeError('x is not a function')), sends],
      intervalSeconds: 60,
    });

    await run.done;

    expect(run.results.map((result) => result.outcome)).toEqual(['failed', 'sent']);
  });

  it('lets a running sync finish on stop, or gives up on it after the grace period', async () => {
    let finish: (report: SyncReport) => void = () => undefined;
    let started: () => void = () => undefined;
    const syncStarted = new Promise<void>((resolve) => (started = resolve));
    const sleepUntilAborted = (_ms: number, signal: AbortSignal) =>
      new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    const dependencies = {
      readSettings: async () => ({ schedule: null, interval: 5 }),
      intervalSeconds: null,
      now: () => new Date(START),
      log: {
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      },
      onSchedule: () => undefined,
      onRunFinished: () => undefined,
    };
    const finishing = new ServiceLoop({
      ...dependencies,
      sync: () => {
        started();
        return new Promise((resolve) => (finish = resolve));
      },
      sleep: sleepUntilAborted,
    });
    let hangingStarted: () => void = () => undefined;
    const hangingSyncStarted = new Promise<void>((resolve) => (hangingStarted = resolve));
    const hanging = new ServiceLoop({
      ...dependencies,
      sync: () => {
        hangingStarted();
        return new Promise(() => undefined);
      },
      sleep: async (ms, signal) =>
        ms === HANGING_GRACE_MS ? sleepUntilAborted(ms, signal) : undefined,
    });

    const finishingDone = finishing.run();
    await syncStarted;
    const stopping = finishing.stop(HANGING_GRACE_MS);
    finish(aSyncReport('unchanged'));
    void hanging.run();
    await hangingSyncStarted;

    await expect(stopping).resolves.toBe('finished');
    await expect(finishingDone).resolves.toBeUndefined();
    await expect(hanging.stop(0)).resolves.toBe('abandoned');
  });
});

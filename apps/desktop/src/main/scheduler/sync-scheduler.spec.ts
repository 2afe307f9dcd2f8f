import { ConfigurationError, DeletionGuardError, type SyncReport } from '@bwdc/core';

import type { ScheduledRun } from './scheduled-run';
import { SyncIntervalOffError } from './sync-interval-off.error';
import { SyncScheduler, type SchedulerStatus, type SchedulerSync } from './sync-scheduler';
import { FakeTime } from './testing/fake-time';
import { MemoryScheduleStore } from './testing/memory-schedule-store';
import { aSyncReport, deferred } from './testing/sync-reports';

const T0 = '2025-03-01T09:00:00.000Z';
const MINUTE = 60_000;

/** Lets pending promise work run, without waiting for a sync the test holds open. */
const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

function at(minutes: number): string {
  return new Date(Date.parse(T0) + minutes * MINUTE).toISOString();
}

describe('SyncScheduler', () => {
  let time: FakeTime;
  let store: MemoryScheduleStore;
  let interval: number | null;
  let sync: jest.Mock<Promise<SyncReport>, Parameters<SchedulerSync>>;
  let sut: SyncScheduler;

  const advance = (ms: number) => time.advance(ms, () => sut.idle());
  const create = () =>
    new SyncScheduler({
      store,
      interval: async () => interval,
      sync,
      clock: time,
      timer: time,
    });

  beforeEach(() => {
    time = new FakeTime(T0);
    store = new MemoryScheduleStore();
    interval = 5;
    sync = jest.fn<Promise<SyncReport>, Parameters<SchedulerSync>>(async () => aSyncReport());
    sut = create();
  });

  afterEach(() => sut.dispose());

  it('starts with the next run one interval away and runs at every interval', async () => {
    const status = await sut.start();

    expect(status).toEqual({
      running: true,
      syncing: false,
      nextRunAt: at(5),
      stoppedReason: null,
    });
    expect(store.state).toMatchObject({ running: true, nextRunAt: at(5) });
    await advance(5 * MINUTE - 1);
    expect(sync).not.toHaveBeenCalled();

    await advance(1);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(sut.status()).toMatchObject({ running: true, syncing: false, nextRunAt: at(10) });

    await advance(10 * MINUTE);
    expect(sync).toHaveBeenCalledTimes(3);
    expect(store.state.nextRunAt).toBe(at(20));
  });

  it('runs the schedule unforced as a scheduled run, for the shared history', async () => {
    await sut.start();

    await advance(5 * MINUTE);

    expect(sync.mock.calls).toEqual([[{ force: false, trigger: 'schedule' }]]);
  });

  it('keeps no history of its own: the Connector records every run', async () => {
    await sut.start();
    await advance(5 * MINUTE);
    await sut.runNow();

    expect(store.state).toEqual({ running: true, nextRunAt: at(10), stoppedReason: null });
    expect(Object.keys(sut.status()).sort()).toEqual([
      'nextRunAt',
      'running',
      'stoppedReason',
      'syncing',
    ]);
  });

  it('answers Sync now with what the sync reported, run as manual and unforced', async () => {
    sync.mockResolvedValue(aSyncReport(120, 7));

    const run = await sut.runNow();

    expect(run).toEqual<ScheduledRun>({
      ok: true,
      trigger: 'manual',
      report: aSyncReport(120, 7),
    });
    expect(sync.mock.calls).toEqual([[{ force: false, trigger: 'manual' }]]);
  });

  it('passes a confirmed Sync now on forced', async () => {
    await sut.runNow({ force: true });

    expect(sync.mock.calls).toEqual([[{ force: true, trigger: 'manual' }]]);
  });

  it('runs a forced Sync now after the run under way, not folded into it', async () => {
    const slow = deferred<SyncReport>();
    sync.mockReturnValueOnce(slow.promise);
    const unforced = sut.runNow();
    const forced = sut.runNow({ force: true });
    await flush();
    expect(sync).toHaveBeenCalledTimes(1);

    slow.resolve(aSyncReport());
    await unforced;
    await forced;

    expect(sync.mock.calls).toEqual([
      [{ force: false, trigger: 'manual' }],
      [{ force: true, trigger: 'manual' }],
    ]);
  });

  it('stops: no timer, no run, and the file says stopped', async () => {
    await sut.start();

    const status = await sut.stop();

    expect(status).toMatchObject({ running: false, nextRunAt: null, stoppedReason: 'user' });
    expect(store.state).toMatchObject({ running: false, nextRunAt: null });
    expect(time.armed()).toEqual([]);
    await advance(60 * MINUTE);
    expect(sync).not.toHaveBeenCalled();
  });

  it('never starts a run while one is going on, and arms the next when it ends', async () => {
    const slow = deferred<SyncReport>();
    sync.mockReturnValueOnce(slow.promise);
    await sut.start();

    await time.advance(5 * MINUTE, flush);
    expect(sut.status().syncing).toBe(true);
    await time.advance(30 * MINUTE, flush);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(time.armed()).toEqual([]);

    slow.resolve(aSyncReport());
    await sut.idle();
    expect(sut.status()).toMatchObject({ syncing: false, nextRunAt: at(40) });
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('folds a scheduled run that falls due during a Sync now into it', async () => {
    const slow = deferred<SyncReport>();
    sync.mockReturnValueOnce(slow.promise);
    await sut.start();
    await advance(4 * MINUTE);

    const manual = sut.runNow();
    const joined = sut.runNow();
    await time.advance(2 * MINUTE, flush);
    expect(sync).toHaveBeenCalledTimes(1);

    slow.resolve(aSyncReport());
    expect(await joined).toBe(await manual);
    await sut.idle();
    expect(sync).toHaveBeenCalledTimes(1);
    expect(store.state.nextRunAt).toBe(at(11));
  });

  it('answers a failed Sync now with the error, as the Connector threw it', async () => {
    const refused = new ConfigurationError('NOT_LOGGED_IN', 'You are not logged in.', 'Log in.');
    sync.mockRejectedValueOnce(refused);

    await expect(sut.runNow()).resolves.toEqual<ScheduledRun>({
      ok: false,
      trigger: 'manual',
      error: refused,
    });
  });

  it('keeps the schedule after failures and after a deletion guard refusal', async () => {
    const log = jest.fn();
    sut = new SyncScheduler({
      store,
      interval: async () => interval,
      sync,
      clock: time,
      timer: time,
      logger: { log },
    });
    sync.mockRejectedValueOnce(new Error('socket hang up'));
    sync.mockRejectedValueOnce(new DeletionGuardError([], 10, 40));
    await sut.start();

    await advance(10 * MINUTE);
    expect(sut.status()).toMatchObject({ running: true, nextRunAt: at(15) });
    expect(log.mock.calls.map(([level]) => level)).toEqual(['error', 'warn']);
    expect(log.mock.calls[1]?.[1]).toMatch(
      /^Scheduled sync refused: The sync would remove 0 of 40/,
    );

    await advance(5 * MINUTE);
    expect(sync).toHaveBeenCalledTimes(3);
    expect(sync.mock.calls.every(([options]) => !options.force)).toBe(true);
  });

  it('keeps going when a run cannot be saved: logs it and tries again a minute later', async () => {
    const log = jest.fn();
    sut = new SyncScheduler({
      store,
      interval: async () => interval,
      sync,
      clock: time,
      timer: time,
      logger: { log },
    });
    await sut.start();
    const update = store.update.bind(store);
    jest
      .spyOn(store, 'update')
      .mockRejectedValueOnce(new Error('The data file is locked by another process.'))
      .mockImplementation(update);

    await advance(5 * MINUTE);

    expect(log).toHaveBeenCalledWith('error', 'The sync schedule could not be saved.', {
      error: 'The data file is locked by another process.',
    });
    expect(time.armed()).toEqual([at(6)]);
    await advance(1 * MINUTE);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(sut.status()).toMatchObject({ running: true, nextRunAt: at(11) });
  });

  it('logs every run: what it sent, or why it failed', async () => {
    const log = jest.fn();
    sut = new SyncScheduler({
      store,
      interval: async () => interval,
      sync,
      clock: time,
      timer: time,
      logger: { log },
    });
    sync.mockResolvedValueOnce(aSyncReport(120, 7));
    sync.mockRejectedValueOnce(
      new ConfigurationError('NOT_LOGGED_IN', 'You are not logged in.', 'Log in first.'),
    );

    await sut.runNow();
    await sut.start();
    await advance(5 * MINUTE);

    expect(log.mock.calls).toEqual([
      ['info', 'Sync sent 120 users and 7 groups to Bitwarden (delta).'],
      ['error', 'Scheduled sync failed: You are not logged in.'],
    ]);
  });

  it('reads the interval at each scheduling, so a change applies from the next run', async () => {
    await sut.start();
    interval = 30;

    await advance(5 * MINUTE);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(sut.status().nextRunAt).toBe(at(35));

    await advance(29 * MINUTE);
    expect(sync).toHaveBeenCalledTimes(1);
    await advance(1 * MINUTE);
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it('raises an interval under 5 minutes to 5', async () => {
    interval = 1;

    expect((await sut.start()).nextRunAt).toBe(at(5));
  });

  it('refuses to start while the interval is off', async () => {
    interval = 0;

    await expect(sut.start()).rejects.toBeInstanceOf(SyncIntervalOffError);
    expect(store.state.running).toBe(false);
    expect(time.armed()).toEqual([]);
  });

  it('stops visibly, without one more run, when the interval is turned off', async () => {
    await sut.start();
    interval = null;

    await advance(5 * MINUTE);

    expect(sync).not.toHaveBeenCalled();
    expect(sut.status()).toMatchObject({
      running: false,
      nextRunAt: null,
      stoppedReason: 'interval-off',
    });
    expect(time.armed()).toEqual([]);
  });

  it('waits out an interval longer than a Node timer can hold', async () => {
    interval = 60 * 24 * 30;
    await sut.start();

    await advance(60 * 24 * 30 * MINUTE - 1);
    expect(sync).not.toHaveBeenCalled();
    await advance(1);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('leaves the persisted schedule alone on dispose (quitting is not stopping)', async () => {
    await sut.start();

    sut.dispose();

    expect(store.state).toMatchObject({ running: true, nextRunAt: at(5) });
    expect(time.armed()).toEqual([]);
  });

  it('brings a due time further off than one interval back to one interval from now', async () => {
    store.state = { running: true, nextRunAt: at(600), stoppedReason: null };

    expect((await sut.resume()).nextRunAt).toBe(at(5));
  });

  it('tells listeners when a run starts, ends and what comes next', async () => {
    const seen: Pick<SchedulerStatus, 'running' | 'syncing' | 'nextRunAt'>[] = [];
    sut.onChange(({ running, syncing, nextRunAt }) => seen.push({ running, syncing, nextRunAt }));

    await sut.start();
    await advance(5 * MINUTE);

    expect(seen).toEqual([
      { running: true, syncing: false, nextRunAt: at(5) },
      { running: true, syncing: true, nextRunAt: at(5) },
      { running: true, syncing: true, nextRunAt: at(10) },
      { running: true, syncing: false, nextRunAt: at(10) },
    ]);
  });
});

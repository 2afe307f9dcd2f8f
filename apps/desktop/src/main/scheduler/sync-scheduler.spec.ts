import { ConfigurationError, type SyncReport } from '@bwdc/core';

import type { RunRecord } from './run-record';
import { SyncIntervalOffError } from './sync-interval-off.error';
import { SyncScheduler, type SchedulerStatus } from './sync-scheduler';
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
  let sync: jest.Mock<Promise<SyncReport>, []>;
  let sut: SyncScheduler;

  const advance = (ms: number) => time.advance(ms, () => sut.idle());
  const create = (historyLimit?: number) =>
    new SyncScheduler({
      store,
      interval: async () => interval,
      sync,
      clock: time,
      timer: time,
      ...(historyLimit === undefined ? {} : { historyLimit }),
    });

  beforeEach(() => {
    time = new FakeTime(T0);
    store = new MemoryScheduleStore();
    interval = 5;
    sync = jest.fn(async () => aSyncReport());
    sut = create();
  });

  afterEach(() => sut.dispose());

  it('starts with the next run one interval away and runs at every interval', async () => {
    const status = await sut.start();

    expect(status).toMatchObject({ running: true, nextRunAt: at(5), lastRun: null });
    expect(store.state).toMatchObject({ running: true, nextRunAt: at(5) });
    await advance(5 * MINUTE - 1);
    expect(sync).not.toHaveBeenCalled();

    await advance(1);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(sut.status()).toMatchObject({
      running: true,
      syncing: false,
      nextRunAt: at(10),
      lastRun: { status: 'ok', trigger: 'schedule', startedAt: at(5), finishedAt: at(5) },
    });

    await advance(10 * MINUTE);
    expect(sync).toHaveBeenCalledTimes(3);
    expect(store.state.history).toHaveLength(3);
    expect(store.state.nextRunAt).toBe(at(20));
  });

  it('records what the sync did', async () => {
    sync.mockResolvedValue(aSyncReport(120, 7));

    const record = await sut.runNow();

    expect(record).toEqual<RunRecord>({
      trigger: 'manual',
      startedAt: T0,
      finishedAt: T0,
      status: 'ok',
      outcome: 'send',
      mode: 'delta',
      requestsSent: 1,
      counts: { ...aSyncReport(120, 7).counts },
    });
    expect(store.state.history).toEqual([record]);
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
    expect(store.state.history).toHaveLength(1);
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
    expect(store.state.history).toHaveLength(1);
    expect(store.state.nextRunAt).toBe(at(11));
  });

  it('records a failure with its message, code and remedy, and keeps the schedule', async () => {
    sync.mockRejectedValueOnce(
      new ConfigurationError('NOT_LOGGED_IN', 'You are not logged in.', 'Log in first.'),
    );
    sync.mockRejectedValueOnce(new Error('socket hang up'));
    await sut.start();

    await advance(10 * MINUTE);
    expect(store.state.history.map((run) => run.status === 'error' && run.error)).toEqual([
      { message: 'socket hang up', code: null, remedy: null },
      { message: 'You are not logged in.', code: 'NOT_LOGGED_IN', remedy: 'Log in first.' },
    ]);
    expect(sut.status()).toMatchObject({ running: true, nextRunAt: at(15) });

    await advance(5 * MINUTE);
    expect(sut.status().lastRun).toMatchObject({ status: 'ok', startedAt: at(15) });
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

  it('keeps the newest 50 runs', async () => {
    for (let run = 0; run < 55; run++) {
      await sut.runNow();
    }

    expect(sut.status().history).toHaveLength(50);
    expect(store.state.history).toHaveLength(50);
  });

  it('keeps as many runs as asked, newest first', async () => {
    sut = create(2);
    await sut.start();

    await advance(15 * MINUTE);

    expect(store.state.history.map((run) => run.startedAt)).toEqual([at(15), at(10)]);
  });

  it('leaves the persisted schedule alone on dispose (quitting is not stopping)', async () => {
    await sut.start();

    sut.dispose();

    expect(store.state).toMatchObject({ running: true, nextRunAt: at(5) });
    expect(time.armed()).toEqual([]);
  });

  it('brings a due time further off than one interval back to one interval from now', async () => {
    store.state = { running: true, nextRunAt: at(600), stoppedReason: null, history: [] };

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
      { running: true, syncing: true, nextRunAt: at(5) },
      { running: true, syncing: true, nextRunAt: at(10) },
      { running: true, syncing: false, nextRunAt: at(10) },
    ]);
  });
});

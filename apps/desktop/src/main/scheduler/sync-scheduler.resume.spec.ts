import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import type { SyncReport } from '@bwdc/core';
import { DATA_KEYS, DataFileStore } from '@bwdc/storage';

import { DataFileScheduleStore } from './data-file-schedule-store';
import { intervalFromDataFile } from './sync-interval';
import { DEFAULT_RESUME_DELAY_MS, SyncScheduler, type SchedulerSync } from './sync-scheduler';
import { FakeTime } from './testing/fake-time';
import { aSyncReport } from './testing/sync-reports';

const T0 = '2025-03-01T09:00:00.000Z';
const MINUTE = 60_000;

function at(ms: number): string {
  return new Date(Date.parse(T0) + ms).toISOString();
}

/** One launch of the app: its own data file handle, clock and timers, as a new process has. */
async function launch(file: string, start: string, sync: SchedulerSync) {
  const dataFile = await DataFileStore.open({ file });
  const time = new FakeTime(start);
  const scheduler = new SyncScheduler({
    store: new DataFileScheduleStore(dataFile),
    interval: intervalFromDataFile(dataFile),
    sync,
    clock: time,
    timer: time,
  });
  const advance = (ms: number) => time.advance(ms, () => scheduler.idle());
  return { dataFile, time, scheduler, advance };
}

describe('SyncScheduler over data.json, across restarts', () => {
  let folder: string;
  let file: string;
  let sync: jest.Mock<Promise<SyncReport>, Parameters<SchedulerSync>>;
  const launched: SyncScheduler[] = [];

  const start = async (when: string) => {
    const app = await launch(file, when, sync);
    launched.push(app.scheduler);
    return app;
  };
  const stored = async () =>
    (JSON.parse(await readFile(file, 'utf8')) as { app: Record<string, unknown> }).app;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'bwdc-scheduler-'));
    file = path.join(folder, 'data.json');
    sync = jest.fn<Promise<SyncReport>, Parameters<SchedulerSync>>(async () => aSyncReport());
  });

  afterEach(async () => {
    launched.splice(0).forEach((scheduler) => scheduler.dispose());
    await rm(folder, { recursive: true, force: true });
  });

  it('resumes after a restart and runs at the time the last session saved', async () => {
    const first = await start(T0);
    await first.scheduler.start();
    first.scheduler.dispose();

    expect((await stored())['scheduler']).toMatchObject({
      running: true,
      nextRunAt: at(5 * MINUTE),
    });

    const second = await start(at(2 * MINUTE));
    expect(second.scheduler.status().running).toBe(false);
    expect(await second.scheduler.resume()).toMatchObject({
      running: true,
      nextRunAt: at(5 * MINUTE),
    });

    await second.advance(3 * MINUTE - 1);
    expect(sync).not.toHaveBeenCalled();
    await second.advance(1);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(sync).toHaveBeenCalledWith({ force: false, trigger: 'schedule' });
    expect((await stored())['scheduler']).toEqual({
      running: true,
      nextRunAt: at(10 * MINUTE),
      stoppedReason: null,
    });
  });

  it('resumes a schedule an earlier version stored with its own history, and drops that', async () => {
    const app = await start(at(2 * MINUTE));
    await app.dataFile.set(DATA_KEYS.app, {
      scheduler: {
        running: true,
        nextRunAt: at(5 * MINUTE),
        stoppedReason: null,
        history: [{ status: 'ok', trigger: 'schedule', startedAt: T0, finishedAt: T0 }],
      },
    });

    expect(await app.scheduler.resume()).toMatchObject({
      running: true,
      nextRunAt: at(5 * MINUTE),
    });
    expect((await stored())['scheduler']).toEqual({
      running: true,
      nextRunAt: at(5 * MINUTE),
      stoppedReason: null,
    });
  });

  it('runs a run missed while the app was closed shortly after launch, not during it', async () => {
    const first = await start(T0);
    await first.scheduler.start();
    first.scheduler.dispose();

    const later = at(3 * 60 * MINUTE);
    const second = await start(later);
    const { nextRunAt } = await second.scheduler.resume();

    expect(nextRunAt).toBe(at(3 * 60 * MINUTE + DEFAULT_RESUME_DELAY_MS));
    expect(sync).not.toHaveBeenCalled();
    await second.advance(DEFAULT_RESUME_DELAY_MS);
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it('resumes a run the app quit in the middle of', async () => {
    const first = await start(T0);
    await first.scheduler.start();
    sync.mockReturnValueOnce(new Promise(() => undefined));
    const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
    await first.time.advance(5 * MINUTE, flush);
    while (sync.mock.calls.length === 0) {
      await flush();
    }
    expect(first.scheduler.status().syncing).toBe(true);
    first.scheduler.dispose();

    const second = await start(at(6 * MINUTE));

    expect((await second.scheduler.resume()).nextRunAt).toBe(
      at(6 * MINUTE + DEFAULT_RESUME_DELAY_MS),
    );
  });

  it('stays stopped after a restart when the user stopped it', async () => {
    const first = await start(T0);
    await first.scheduler.start();
    await first.scheduler.stop();
    first.scheduler.dispose();

    const second = await start(at(60 * MINUTE));
    const status = await second.scheduler.resume();

    expect(status).toMatchObject({ running: false, nextRunAt: null });
    expect(second.time.armed()).toEqual([]);
  });

  it('uses the interval the active profile has in the data file', async () => {
    const app = await start(T0);
    await app.dataFile.update((document) => ({
      next: DATA_KEYS.syncOptions.write(document, {
        ...DATA_KEYS.syncOptions.read(document),
        interval: 2,
      }),
      result: undefined,
    }));

    expect((await app.scheduler.start()).nextRunAt).toBe(at(5 * MINUTE));

    await app.dataFile.update((document) => ({
      next: DATA_KEYS.syncOptions.write(document, {
        ...DATA_KEYS.syncOptions.read(document),
        interval: 60,
      }),
      result: undefined,
    }));
    await app.advance(5 * MINUTE);
    expect(app.scheduler.status().nextRunAt).toBe(at(65 * MINUTE));
  });

  it("keeps the desktop's other settings and reads an unreadable schedule as stopped", async () => {
    const app = await start(T0);
    await app.dataFile.set(DATA_KEYS.app, { alwaysOnTop: true, scheduler: { running: 'yes' } });

    expect(await app.scheduler.resume()).toMatchObject({ running: false, nextRunAt: null });
    await app.scheduler.start();

    expect(await stored()).toMatchObject({ alwaysOnTop: true, scheduler: { running: true } });
  });
});

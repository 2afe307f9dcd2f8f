import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { NO_RUN_PHASES, RUN_HISTORY_LIMIT, SyncInProgressError, type RunRecord } from '@bwdc/core';

import { DataFileConnectorStore } from './data-file-connector-store';
import { DataFileStore } from './data-file-store';
import { emptyDataFile } from './schema/data-file.schema';
import { PlaintextSecretStore } from './secrets/plaintext-secret-store';

function aRun(index: number): RunRecord {
  const at = new Date(Date.UTC(2026, 10, 26, 10, 0, index)).toISOString();
  return {
    id: `run-${index}`,
    kind: 'sync',
    source: 'cli',
    trigger: 'manual',
    startedAt: at,
    finishedAt: at,
    durationMs: 0,
    outcome: 'sent',
    mode: 'delta',
    counts: {
      usersRead: 3,
      groupsRead: 1,
      dropped: 1,
      droppedByReason: { 'missing-email': 1 },
      membersSent: 2,
      groupsSent: 1,
      membersUnchanged: 0,
      groupsUnchanged: 0,
    },
    batches: 1,
    phases: { readMs: 1200, planMs: 300, organizationMs: null, importMs: 2100 },
    plannedRemovals: null,
    guard: null,
    error: null,
  };
}

describe('the run history and the sync lock in the data file', () => {
  let dir: string;
  let dataFile: string;
  let store: DataFileConnectorStore;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bwdc-runs-'));
    dataFile = path.join(dir, 'data.json');
    const file = await DataFileStore.open({ file: dataFile });
    store = new DataFileConnectorStore(file, new PlaintextSecretStore(file));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the newest runs first, and only the last RUN_HISTORY_LIMIT', async () => {
    for (let index = 0; index < RUN_HISTORY_LIMIT + 5; index += 1) {
      await store.recordRun(aRun(index));
    }

    const runs = await store.runs();

    expect(runs).toHaveLength(RUN_HISTORY_LIMIT);
    expect(runs[0]?.id).toBe(`run-${RUN_HISTORY_LIMIT + 4}`);
    expect(runs.at(-1)?.id).toBe('run-5');
    const onDisk = JSON.parse(await readFile(dataFile, 'utf8')) as { runs: RunRecord[] };
    expect(onDisk.runs[0]).toEqual(aRun(RUN_HISTORY_LIMIT + 4));
  });

  it('opens a data file written before the history existed, with an empty history and the guard defaults', async () => {
    const written: Record<string, unknown> = JSON.parse(JSON.stringify(emptyDataFile()));
    delete written['runs'];
    const profiles = written['profiles'] as Record<string, { sync: Record<string, unknown> }>;
    for (const profile of Object.values(profiles)) {
      delete profile.sync['maxRemovals'];
      delete profile.sync['maxRemovalsPercent'];
      delete profile.sync['schedule'];
    }
    await writeFile(dataFile, JSON.stringify(written));
    const file = await DataFileStore.open({ file: dataFile });
    const reopened = new DataFileConnectorStore(file, new PlaintextSecretStore(file));

    expect(await reopened.runs()).toEqual([]);
    expect((await reopened.read()).sync).toMatchObject({ maxRemovals: 10, maxRemovalsPercent: 10 });
  });

  it('reads runs recorded before the phases were kept as runs without phases', async () => {
    await store.recordRun(aRun(1));
    const written = JSON.parse(await readFile(dataFile, 'utf8')) as {
      runs: Record<string, unknown>[];
    };
    delete written.runs[0]?.['phases'];
    await writeFile(dataFile, JSON.stringify(written));
    const file = await DataFileStore.open({ file: dataFile });
    const reopened = new DataFileConnectorStore(file, new PlaintextSecretStore(file));

    expect(await reopened.runs()).toEqual([{ ...aRun(1), phases: NO_RUN_PHASES }]);
  });

  it('refuses a second sync while one holds the lock, and frees it when the first ends', async () => {
    const file = await DataFileStore.open({ file: dataFile });
    const other = new DataFileConnectorStore(file, new PlaintextSecretStore(file));
    let release!: () => void;
    const first = store.exclusive(
      () =>
        new Promise<string>((resolve) => {
          release = () => resolve('first');
        }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));

    await expect(other.exclusive(async () => 'second')).rejects.toBeInstanceOf(SyncInProgressError);

    release();
    await expect(first).resolves.toBe('first');
    await expect(other.exclusive(async () => 'third')).resolves.toBe('third');
  });

  it('frees the lock when the work fails', async () => {
    await expect(
      store.exclusive(async () => {
        throw new Error('the directory went away');
      }),
    ).rejects.toThrow('the directory went away');

    await expect(store.exclusive(async () => 'next')).resolves.toBe('next');
  });
});

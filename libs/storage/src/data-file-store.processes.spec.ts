import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { SyncInProgressError } from '@bwdc/core';

import { DataFileStore } from './data-file-store';
import { SyncRunLock } from './file/sync-run-lock';
import { DataFileSchema } from './schema/data-file.schema';

const workspaceRoot = path.resolve(__dirname, '../../..');
const worker = path.join(__dirname, 'test-workers', 'data-file-worker.ts');

function startWorker(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', worker, ...args], {
    cwd: workspaceRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finished(child: ChildProcess): Promise<void> {
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`worker exited ${code}: ${errors}`)),
    );
  });
}

describe('DataFileStore across processes', () => {
  let folder: string;
  let file: string;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'bwdc-processes-'));
    file = path.join(folder, 'data.json');
  });

  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill('SIGKILL');
    }
    await rm(folder, { recursive: true, force: true });
  });

  it('keeps all 1,000 updates two processes make at the same time', async () => {
    const writers = ['a', 'b'].map((prefix) => startWorker(['updates', file, prefix, '500']));
    children.push(...writers);

    await Promise.all(writers.map(finished));

    const { app } = DataFileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    const keys = Object.keys(app);
    expect(keys.filter((key) => key.startsWith('a-'))).toHaveLength(500);
    expect(keys.filter((key) => key.startsWith('b-'))).toHaveLength(500);
  }, 120_000);

  it('never shows a reader a partial file while another process hammers one key', async () => {
    const writer = startWorker(['counter', file]);
    children.push(writer);
    let reads = 0;
    let lastSeen = 0;
    const deadline = Date.now() + 4000;
    while (Date.now() < deadline && (reads < 200 || lastSeen < 50)) {
      const text = await readFile(file, 'utf8').catch(() => null);
      if (text !== null) {
        const document = DataFileSchema.parse(JSON.parse(text));
        const counter = Number(document.app['counter']);
        expect(counter).toBeGreaterThanOrEqual(lastSeen);
        lastSeen = counter;
        reads += 1;
      }
    }

    expect(reads).toBeGreaterThanOrEqual(200);
    expect(lastSeen).toBeGreaterThanOrEqual(50);
  }, 30_000);

  it('survives a writer killed with SIGKILL mid-loop: the file parses and holds the last commit', async () => {
    const writer = startWorker(['counter', file]);
    children.push(writer);
    let lastCommitted = 0;
    await new Promise<void>((resolve) => {
      writer.stdout?.on('data', (chunk: Buffer) => {
        const values = chunk.toString().trim().split('\n').map(Number);
        lastCommitted = Math.max(lastCommitted, ...values);
        if (lastCommitted >= 100) {
          writer.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => writer.once('exit', resolve));

    const document = DataFileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    // The writer may have committed one more value than it managed to print.
    expect([lastCommitted, lastCommitted + 1]).toContain(document.app['counter']);

    // The dead writer's lock goes stale and the next writer takes over.
    const next = await DataFileStore.open({ file, lock: { staleMs: 2000, waitMs: 20_000 } });
    await next.update((current) => ({
      next: { ...current, app: { ...current.app, counter: 'recovered' } },
      result: undefined,
    }));
    expect((await next.read()).app['counter']).toBe('recovered');
  }, 60_000);

  it('lets a watcher in one process see a change made by another', async () => {
    const watched = await DataFileStore.open({ file });
    const seen = new Promise<unknown>((resolve) => {
      const stop = watched.watch((document) => {
        if (document.app['w-0'] !== undefined) {
          stop();
          resolve(document.app['w-0']);
        }
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 50));

    const writer = startWorker(['updates', file, 'w', '1']);
    children.push(writer);
    await finished(writer);

    await expect(seen).resolves.toBe(0);
  }, 30_000);

  it('refuses a sync while another process holds the sync lock, and takes over a dead holder’s lock', async () => {
    const holder = startWorker(['sync-lock', file]);
    children.push(holder);
    await new Promise<void>((resolve) => {
      holder.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('locked')) {
          resolve();
        }
      });
    });
    const lock = new SyncRunLock(file);

    await expect(lock.run(async () => 'second sync')).rejects.toBeInstanceOf(SyncInProgressError);

    holder.kill('SIGKILL');
    // The dead holder stops refreshing its lock; after the stale time it is taken over.
    let outcome: unknown;
    for (let attempt = 0; attempt < 40 && outcome !== 'taken over'; attempt += 1) {
      outcome = await lock.run(async () => 'taken over').catch((error: unknown) => error);
      if (outcome !== 'taken over') {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    expect(outcome).toBe('taken over');
  }, 60_000);
});

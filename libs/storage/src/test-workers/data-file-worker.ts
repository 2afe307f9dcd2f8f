/**
 * A second process for the data file's concurrency and crash tests. Modes:
 *   updates <file> <prefix> <count>  sets app[<prefix>-<i>] = i, one locked update each
 *   counter <file>                   raises app.counter forever, printing each committed value
 *   sync-lock <file>                 takes the sync lock, prints "locked" and holds it until killed
 */
import { DataFileStore } from '../data-file-store';
import { SyncRunLock } from '../file/sync-run-lock';

async function main(): Promise<void> {
  const [mode, file, prefix, count] = process.argv.slice(2);
  if (file === undefined) {
    throw new Error('usage: data-file-worker <mode> <file> ...');
  }
  if (mode === 'sync-lock') {
    await new SyncRunLock(file).run(async () => {
      process.stdout.write('locked\n');
      // The lock's own refresh timer is unref'd: keep the process alive until it is killed.
      await new Promise(() => setInterval(() => undefined, 1000));
    });
    return;
  }
  const store = await DataFileStore.open({ file, lock: { staleMs: 2000, waitMs: 60_000 } });
  if (mode === 'updates') {
    for (let index = 0; index < Number(count); index += 1) {
      await store.update((current) => ({
        next: { ...current, app: { ...current.app, [`${prefix}-${index}`]: index } },
        result: undefined,
      }));
    }
    return;
  }
  if (mode === 'counter') {
    for (;;) {
      const value = await store.update((current) => {
        const next = Number(current.app['counter'] ?? 0) + 1;
        return { next: { ...current, app: { ...current.app, counter: next } }, result: next };
      });
      process.stdout.write(`${value}\n`);
    }
  }
  throw new Error(`unknown mode ${String(mode)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

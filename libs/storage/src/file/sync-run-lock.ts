import { SyncInProgressError } from '@bwdc/core';
import * as lockfile from 'proper-lockfile';

/** A holder that stops refreshing (it died) loses the lock after this long. */
const STALE_MS = 10_000;

/**
 * The lock one sync holds for its whole run, beside the data file (`data.json.sync.lock`), so
 * that bwdc, bwdc serve and the desktop app never sync the same organization at once. It is not
 * the data file's write lock, which is held only for one read-modify-write: a sync takes minutes
 * and writes the file several times meanwhile.
 */
export class SyncRunLock {
  private readonly target: string;

  constructor(dataFilePath: string) {
    this.target = `${dataFilePath}.sync`;
  }

  get lockPath(): string {
    return `${this.target}.lock`;
  }

  /** @throws SyncInProgressError at once when another sync holds it: waiting would stack runs. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(this.target, {
        realpath: false,
        stale: STALE_MS,
        retries: 0,
        onCompromised: () => undefined,
      });
    } catch (error) {
      if (isLockHeld(error)) {
        throw new SyncInProgressError(this.lockPath);
      }
      throw error;
    }
    try {
      return await work();
    } finally {
      await release().catch(() => undefined);
    }
  }
}

function isLockHeld(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ELOCKED';
}

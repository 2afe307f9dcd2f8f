import * as lockfile from 'proper-lockfile';

import { DataFileBusyError } from '../errors/data-file.errors';

export interface FileLockOptions {
  /** A lock not refreshed for this long belongs to a dead process and is taken over. */
  readonly staleMs: number;
  /** How long to wait for another process before giving up. */
  readonly waitMs: number;
}

export const DEFAULT_LOCK_OPTIONS: FileLockOptions = { staleMs: 10_000, waitMs: 60_000 };

/**
 * Serialises work on one file across processes (proper-lockfile: an atomic mkdir beside the
 * file, refreshed while held) and within this process (a promise queue: contending with
 * ourselves for the file lock would only make proper-lockfile back off).
 */
export class FileLock {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly options: FileLockOptions = DEFAULT_LOCK_OPTIONS,
  ) {}

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(
      () => this.withFileLock(work),
      () => this.withFileLock(work),
    );
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async withFileLock<T>(work: () => Promise<T>): Promise<T> {
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(this.file, {
        realpath: false,
        stale: this.options.staleMs,
        retries: {
          retries: Math.ceil(this.options.waitMs / 25),
          minTimeout: 5,
          maxTimeout: 25,
          factor: 1.2,
          randomize: true,
        },
      });
    } catch (error) {
      throw new DataFileBusyError(this.file, error);
    }
    try {
      return await work();
    } finally {
      await release();
    }
  }
}

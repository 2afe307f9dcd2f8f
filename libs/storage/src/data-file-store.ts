import { constants as fsConstants, watch, type FSWatcher } from 'node:fs';
import { chmod, copyFile, mkdir } from 'node:fs/promises';
import * as path from 'node:path';

import { systemClock, type Clock, type SettingsChange, type SettingsStore } from '@bwdc/core';
import { Low } from 'lowdb';
import { z } from 'zod';

import type { DataKey } from './data-file-keys';
import {
  DataFileCorruptError,
  DataFileInvalidChangeError,
  DataFileUnsupportedError,
  fileStep,
} from './errors/data-file.errors';
import { DEFAULT_LOCK_OPTIONS, FileLock, type FileLockOptions } from './file/file-lock';
import { RawJsonFileAdapter, type RawJsonFile } from './file/json-file-adapter';
import { DataFileSchema, emptyDataFile, type DataFile } from './schema/data-file.schema';
import { migrateToCurrent } from './schema/migrations';
import { importUpstreamDataFile, isUpstreamDataFile } from './upstream/import-upstream-data-file';

export const DATA_FOLDER_MODE = 0o700;

export interface DataFileStoreOptions {
  /** The full path of data.json. */
  readonly file: string;
  readonly lock?: FileLockOptions;
  readonly clock?: Clock;
}

/** How the document on disk relates to what this build writes. */
type Origin = 'missing' | 'current' | 'migrated' | 'upstream';

interface Loaded {
  readonly document: DataFile;
  readonly origin: Origin;
  readonly text: string | null;
}

/**
 * The one way every process (the CLI, the desktop app's main process, the service mode) reads and
 * writes data.json. Every change is one locked read-modify-write (a cross-process lock plus an
 * in-process queue) ending in an atomic replace, so no reader ever sees a half-written file and
 * no writer loses another's change. A file that cannot be read is copied aside and reported,
 * never replaced; an upstream connector's file is converted in place after a backup.
 */
export class DataFileStore implements SettingsStore<DataFile> {
  readonly file: string;
  private readonly adapter: RawJsonFileAdapter;
  private readonly lock: FileLock;
  private readonly clock: Clock;

  private constructor(options: DataFileStoreOptions) {
    this.file = options.file;
    this.adapter = new RawJsonFileAdapter(options.file);
    this.lock = new FileLock(options.file, options.lock ?? DEFAULT_LOCK_OPTIONS);
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Opens the data file, creating its folder (0700) if needed and bringing an older or upstream
   * file up to the current schema.
   *
   * @throws DataFileCorruptError when the file cannot be parsed or validated (a copy is kept).
   * @throws DataFileUnsupportedError when it comes from a connector this build cannot read.
   */
  static async open(options: DataFileStoreOptions): Promise<DataFileStore> {
    const folder = path.dirname(options.file);
    await fileStep(folder, 'create the data folder', async () => {
      await mkdir(folder, { recursive: true, mode: DATA_FOLDER_MODE });
      await chmod(folder, DATA_FOLDER_MODE);
    });
    const store = new DataFileStore(options);
    await store.lock.run(async () => {
      const loaded = await store.load();
      if (loaded.origin === 'upstream') {
        await store.keepUpstreamOriginal();
      }
      if (loaded.origin === 'upstream' || loaded.origin === 'migrated') {
        await store.write(loaded.document);
      }
    });
    return store;
  }

  /** The current document. Reads need no lock: the file is only ever replaced whole. */
  async read(): Promise<DataFile> {
    return (await this.load()).document;
  }

  async update<TResult>(
    change: (current: DataFile) => SettingsChange<DataFile, TResult>,
  ): Promise<TResult> {
    return this.lock.run(async () => {
      const loaded = await this.load();
      if (loaded.origin === 'upstream') {
        await this.keepUpstreamOriginal();
      }
      const { next, result } = change(loaded.document);
      // A change that kept the document as it was (an id that already exists, the same
      // organization) costs no write, so reads that may change something stay cheap.
      if (next === loaded.document && loaded.origin === 'current') {
        return result;
      }
      const checked = DataFileSchema.safeParse(next);
      if (!checked.success) {
        throw new DataFileInvalidChangeError(this.file, oneLine(checked.error));
      }
      await this.write(checked.data);
      return result;
    });
  }

  async get<T>(key: DataKey<T>): Promise<T> {
    return key.read(await this.read());
  }

  async set<T>(key: DataKey<T>, value: T): Promise<void> {
    await this.update((current) => ({ next: key.write(current, value), result: undefined }));
  }

  /**
   * Calls `listener` with the new document whenever the file changes on disk, whoever changed
   * it, so a long-running process sees edits made by another. Returns a function that stops.
   */
  watch(
    listener: (document: DataFile) => void,
    onError: (error: unknown) => void = () => undefined,
  ): () => void {
    let lastText: string | null | undefined;
    let timer: NodeJS.Timeout | undefined;
    const check = () => {
      this.load().then((loaded) => {
        if (loaded.text !== lastText) {
          lastText = loaded.text;
          listener(loaded.document);
        }
      }, onError);
    };
    this.load().then((loaded) => {
      lastText ??= loaded.text;
    }, onError);
    const watcher: FSWatcher = watch(path.dirname(this.file), (_event, name) => {
      if (name === path.basename(this.file)) {
        clearTimeout(timer);
        timer = setTimeout(check, 20);
      }
    });
    watcher.on('error', onError);
    return () => {
      clearTimeout(timer);
      watcher.close();
    };
  }

  private async load(): Promise<Loaded> {
    // One Low per read: loads run concurrently (reads are not queued) and must not share data.
    const db = new Low<RawJsonFile>(this.adapter, { text: null });
    await fileStep(this.file, 'read the data file', () => db.read());
    const { text } = db.data;
    if (text === null) {
      return { document: emptyDataFile(), origin: 'missing', text };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text) as unknown;
    } catch (error) {
      throw await this.corrupt(`not JSON: ${(error as Error).message}`);
    }
    if (isUpstreamDataFile(raw)) {
      const imported = importUpstreamDataFile(raw);
      if (!imported.ok) {
        throw new DataFileUnsupportedError(
          this.file,
          imported.reason,
          'Open it once with upstream connector 2.x or later to upgrade it, or reconfigure.',
        );
      }
      return { document: imported.file, origin: 'upstream', text };
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw await this.corrupt('not a JSON object');
    }
    const migrated = migrateToCurrent(raw as Record<string, unknown>);
    if (!migrated.ok) {
      throw new DataFileUnsupportedError(
        this.file,
        migrated.reason,
        'Use the connector version that wrote it, or move the file away to start afresh.',
      );
    }
    const parsed = DataFileSchema.safeParse(migrated.document);
    if (!parsed.success) {
      throw await this.corrupt(oneLine(parsed.error));
    }
    return { document: parsed.data, origin: migrated.migrated ? 'migrated' : 'current', text };
  }

  private async write(document: DataFile): Promise<void> {
    const db = new Low<RawJsonFile>(this.adapter, {
      text: `${JSON.stringify(document, null, 2)}\n`,
    });
    await fileStep(this.file, 'write the data file', () => db.write());
  }

  /** Copies the file aside byte for byte and builds the error that names the copy. */
  private async corrupt(reason: string): Promise<DataFileCorruptError> {
    const stamp = this.clock.now().toISOString().replace(/[:.]/g, '-');
    const backup = `${this.file}.bak-${stamp}`;
    await copyFile(this.file, backup);
    await chmod(backup, 0o600);
    return new DataFileCorruptError(this.file, backup, reason);
  }

  /** Keeps the upstream connector's file as it was, once, before it is converted. */
  private async keepUpstreamOriginal(): Promise<void> {
    try {
      await copyFile(this.file, `${this.file}.upstream-backup`, fsConstants.COPYFILE_EXCL);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
      const stamp = this.clock.now().toISOString().replace(/[:.]/g, '-');
      await copyFile(this.file, `${this.file}.upstream-backup-${stamp}`, fsConstants.COPYFILE_EXCL);
    }
  }
}

function oneLine(error: z.ZodError): string {
  return z.prettifyError(error).replace(/\n/g, ' ');
}

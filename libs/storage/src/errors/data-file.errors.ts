import { SyncError } from '@bwdc/core';

/** data.json could not be parsed or does not match the schema; a byte-for-byte copy was kept. */
export class DataFileCorruptError extends SyncError {
  readonly code = 'DATA_FILE_CORRUPT';
  readonly side = 'local-file';

  constructor(
    readonly path: string,
    readonly backupPath: string,
    reason: string,
  ) {
    super(
      `The data file ${path} is not valid (${reason}). It was left as it is and copied to ${backupPath}.`,
      `Fix the file by hand, restore an earlier copy, or move it away to start with an empty configuration (the copy at ${backupPath} keeps what was there).`,
    );
  }
}

/** data.json was written by a connector this build cannot read. */
export class DataFileUnsupportedError extends SyncError {
  readonly code = 'DATA_FILE_UNSUPPORTED';
  readonly side = 'local-file';

  constructor(
    readonly path: string,
    reason: string,
    remedy: string,
  ) {
    super(`The data file ${path} cannot be used: ${reason}`, remedy);
  }
}

/** Another process holds the data file's lock for longer than we are prepared to wait. */
export class DataFileBusyError extends SyncError {
  readonly code = 'DATA_FILE_BUSY';
  readonly side = 'local-file';

  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(
      `The data file ${path} stayed locked by another process (${cause instanceof Error ? cause.message : String(cause)}).`,
      'Wait for the other bwdc or desktop app operation to finish; a lock left by a crashed process expires by itself after a few seconds.',
      { cause },
    );
  }
}

/** The data file or its folder cannot be created, read or written (permissions, disk, path). */
export class DataFileAccessError extends SyncError {
  readonly code = 'DATA_FILE_ACCESS';
  readonly side = 'local-file';

  constructor(
    readonly path: string,
    action: string,
    cause: NodeJS.ErrnoException,
  ) {
    super(
      `Cannot ${action} ${path} (${cause.code ?? cause.message}).`,
      'Check that the folder exists and is writable by this user and that the disk is not full, or point BITWARDENCLI_CONNECTOR_APPDATA_DIR at a folder that is.',
      { cause },
    );
  }
}

const ACCESS_FAILURES = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'ENOTDIR',
  'EEXIST',
  'EISDIR',
]);

/** Runs a file system step, reporting the failures an admin can fix as a DataFileAccessError. */
export async function fileStep<T>(
  path: string,
  action: string,
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined && ACCESS_FAILURES.has(code)) {
      throw new DataFileAccessError(path, action, error as NodeJS.ErrnoException);
    }
    throw error;
  }
}

/** A change would leave data.json breaking its schema; nothing was written. */
export class DataFileInvalidChangeError extends SyncError {
  readonly code = 'DATA_FILE_INVALID_CHANGE';
  readonly side = 'configuration';

  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(
      `The change was not saved to ${path}: it would make the data file invalid (${reason}).`,
      'Check the values given; the data file is unchanged.',
    );
  }
}

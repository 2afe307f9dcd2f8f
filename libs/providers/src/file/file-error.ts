import { type FailureSide, SyncError } from '@bwdc/core';

export type FileDirectoryErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_NOT_UTF8'
  | 'FILE_CSV_INVALID'
  | 'FILE_JSON_INVALID'
  | 'FILE_LDIF_INVALID'
  | 'FILE_DUPLICATE_ENTRY';

/** The file could not be opened: a problem of this machine, not of the directory's content. */
const LOCAL_FILE_CODES: readonly FileDirectoryErrorCode[] = ['FILE_NOT_FOUND', 'FILE_UNREADABLE'];

/**
 * Reading the export file failed; nothing of it is used, so a malformed file never yields part of
 * a directory (which the sync would take as "everyone else left"). Names the file and, for a
 * content problem, where in it.
 */
export class FileDirectoryError extends SyncError {
  readonly side: FailureSide;

  constructor(
    readonly code: FileDirectoryErrorCode,
    /** The export file, as configured. */
    readonly file: string,
    message: string,
    remedy: string,
    options?: ErrorOptions,
  ) {
    super(message, remedy, options);
    this.side = LOCAL_FILE_CODES.includes(code) ? 'local-file' : 'directory';
  }
}

/** How many problems one error lists; past that, a count, so the message stays readable. */
const LISTED_PROBLEMS = 10;

/** Joins a file's content problems into one message: `line 3: ...; line 7: ...; and 4 more`. */
export function listProblems(problems: readonly string[]): string {
  const listed = problems.slice(0, LISTED_PROBLEMS).join('; ');
  const more = problems.length - LISTED_PROBLEMS;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}

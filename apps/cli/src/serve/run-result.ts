import {
  DeletionGuardError,
  EmptyDirectoryReadError,
  SyncError,
  type RunGuard,
  type SyncReport,
} from '@bwdc/core';

/**
 * `transient`: worth retrying soon (network, Bitwarden 5xx/429, another sync holding the lock,
 * the data file busy). `guard`: a guard refused the sync; a human has to look. `needs-attention`:
 * anything else (configuration, credentials, a bad filter...): retrying would fail the same way,
 * so serve waits for the next scheduled run.
 */
export type FailureKind = 'transient' | 'guard' | 'needs-attention';

export interface RunFailure {
  readonly kind: FailureKind;
  /** The error's code (SyncError code or a Node error code); null when it had none. */
  readonly code: string | null;
  /** Where the problem is: directory, bitwarden, local-file, configuration; null if unknown. */
  readonly side: string | null;
  /** What failed and what to do, on one line; never carries a secret. */
  readonly message: string;
  readonly guardReason: RunGuard['reason'] | null;
}

/** How one scheduled run ended, as serve's health, metrics, log and webhooks see it. */
export interface RunResult {
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly outcome: 'sent' | 'unchanged' | 'empty' | 'refused' | 'failed';
  /** Set when the sync finished. */
  readonly report: SyncReport | null;
  /** Set when it did not. */
  readonly failure: RunFailure | null;
}

/** Codes of errors that go away by themselves. */
const TRANSIENT_CODES = new Set([
  'SYNC_IN_PROGRESS',
  'DATA_FILE_BUSY',
  'RATE_LIMITED',
  'SERVER_ERROR',
  'UNREACHABLE',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);
/** Providers name theirs `<PROVIDER>_UNREACHABLE`, `_UNAVAILABLE`, `_THROTTLED`. */
const TRANSIENT_SUFFIXES = ['_UNREACHABLE', '_UNAVAILABLE', '_THROTTLED'];

export function runSucceeded(startedAt: Date, finishedAt: Date, report: SyncReport): RunResult {
  const outcome = report.outcome === 'send' ? 'sent' : report.outcome;
  return { startedAt, finishedAt, outcome, report, failure: null };
}

export function runFailed(startedAt: Date, finishedAt: Date, error: unknown): RunResult {
  const failure = runFailure(error);
  const outcome = failure.kind === 'guard' ? 'refused' : 'failed';
  return { startedAt, finishedAt, outcome, report: null, failure };
}

export function runFailure(error: unknown): RunFailure {
  const code = codeOf(error);
  const side = error instanceof SyncError ? error.side : null;
  const message = oneLine(
    error instanceof SyncError ? `${error.message} ${error.remedy}` : messageOf(error),
  );
  const guardReason =
    error instanceof DeletionGuardError || code === 'DELETION_GUARD_TRIPPED'
      ? 'too-many-removals'
      : error instanceof EmptyDirectoryReadError || code === 'EMPTY_DIRECTORY_READ'
        ? 'empty-read'
        : null;
  const kind: FailureKind =
    guardReason !== null ? 'guard' : isTransient(error, code) ? 'transient' : 'needs-attention';
  return { kind, code, side, message, guardReason };
}

function isTransient(error: unknown, code: string | null): boolean {
  if (
    code !== null &&
    (TRANSIENT_CODES.has(code) || TRANSIENT_SUFFIXES.some((s) => code.endsWith(s)))
  ) {
    return true;
  }
  // An import batch that failed for a transient reason (ImportBatchError wraps a BitwardenError).
  const failure = (error as { failure?: unknown } | null)?.failure;
  if (failure !== undefined && failure !== error) {
    return isTransient(failure, codeOf(failure));
  }
  return (error as { transient?: unknown } | null)?.transient === true;
}

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code !== '' ? code : null;
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== '') {
    return error.message;
  }
  return typeof error === 'string' && error.trim() !== ''
    ? error
    : 'The sync failed for an unknown reason.';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

import { SyncError } from '../errors/sync-error';

export type BitwardenErrorCode =
  | 'INVALID_SERVER_URL'
  | 'INVALID_API_KEY'
  | 'API_KEY_REJECTED'
  | 'ACCESS_DENIED'
  | 'ORGANIZATION_NOT_FOUND'
  | 'REQUEST_REJECTED'
  | 'SEATS_EXHAUSTED'
  | 'BODY_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'UNREACHABLE'
  | 'TLS_FAILURE'
  | 'UNEXPECTED_RESPONSE';

export interface BitwardenErrorDetails {
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  /** How long the server asked us to wait (`Retry-After`). */
  readonly retryAfterMs?: number;
  /** Worth trying again: throttling, a server error or a dropped connection. */
  readonly transient?: boolean;
  readonly cause?: unknown;
}

/** Something went wrong talking to the Bitwarden server. Messages never carry a secret. */
export class BitwardenError extends SyncError {
  readonly side = 'bitwarden';
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly transient: boolean;

  constructor(
    readonly code: BitwardenErrorCode,
    message: string,
    remedy: string,
    details: BitwardenErrorDetails = {},
  ) {
    super(message, remedy, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.transient = details.transient ?? false;
  }
}

/**
 * One request of a batched import failed. Bitwarden commits each request on its own, so the
 * earlier ones stay applied; a later sync sends everything again (an import is idempotent).
 */
export class ImportBatchError extends SyncError {
  readonly code = 'IMPORT_BATCH_FAILED';
  readonly side = 'bitwarden';

  constructor(
    /** 1-based number of the request that failed. */
    readonly failedRequest: number,
    readonly totalRequests: number,
    /** What went wrong with that request. */
    readonly failure: BitwardenError,
  ) {
    super(
      `Import request ${failedRequest} of ${totalRequests} failed: ${failure.message} ${appliedSummary(failedRequest, totalRequests)}`,
      failure.remedy,
      { cause: failure },
    );
  }

  /** How many requests the server accepted before the failure. */
  get appliedRequests(): number {
    return this.failedRequest - 1;
  }
}

function appliedSummary(failed: number, total: number): string {
  const applied =
    failed === 1
      ? 'No request had been applied'
      : `Request${failed === 2 ? ' 1 was' : `s 1–${failed - 1} were`} applied`;
  const unsent = total - failed;
  return `${applied}; ${unsent === 0 ? 'none were left' : `${unsent} were not sent`}.`;
}

import { SyncError } from '@bwdc/core';

export type GoogleErrorCode =
  | 'GOOGLE_SETTINGS_INCOMPLETE'
  | 'GOOGLE_KEY_INVALID'
  | 'GOOGLE_INVALID_FILTER'
  | 'GOOGLE_AUTH_FAILED'
  | 'GOOGLE_DELEGATION_MISSING'
  | 'GOOGLE_FORBIDDEN'
  | 'GOOGLE_INVALID_REQUEST'
  | 'GOOGLE_NOT_FOUND'
  | 'GOOGLE_THROTTLED'
  | 'GOOGLE_UNAVAILABLE'
  | 'GOOGLE_UNREACHABLE'
  | 'GOOGLE_TLS_FAILED'
  | 'GOOGLE_READ_FAILED';

/**
 * Reading Google Workspace failed; nothing read so far is used. The message names the domain,
 * the call and the HTTP status, never the private key (no SDK error is attached as the cause:
 * its request config carries the signed assertion and the access token).
 */
export class GoogleError extends SyncError {
  readonly side = 'directory';

  constructor(
    readonly code: GoogleErrorCode,
    message: string,
    remedy: string,
    /** The HTTP status Google answered, when it answered. */
    readonly status: number | null = null,
  ) {
    super(message, remedy);
  }
}

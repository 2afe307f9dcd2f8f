import { SyncError } from '@bwdc/core';

export type OneLoginErrorCode =
  | 'ONELOGIN_SETTINGS_INCOMPLETE'
  | 'ONELOGIN_INVALID_FILTER'
  | 'ONELOGIN_AUTH_FAILED'
  | 'ONELOGIN_FORBIDDEN'
  | 'ONELOGIN_INVALID_REQUEST'
  | 'ONELOGIN_NOT_FOUND'
  | 'ONELOGIN_THROTTLED'
  | 'ONELOGIN_UNAVAILABLE'
  | 'ONELOGIN_UNREACHABLE'
  | 'ONELOGIN_TLS_FAILED'
  | 'ONELOGIN_READ_FAILED';

/**
 * Reading OneLogin failed; nothing read so far is used. The message names the region, the call
 * and the HTTP status, never the client secret or the access token.
 */
export class OneLoginError extends SyncError {
  readonly side = 'directory';

  constructor(
    readonly code: OneLoginErrorCode,
    message: string,
    remedy: string,
    /** The HTTP status OneLogin answered, when it answered. */
    readonly status: number | null = null,
  ) {
    super(message, remedy);
  }
}

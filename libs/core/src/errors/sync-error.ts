/** Which side of the sync a failure belongs to, so the admin knows where to look. */
export type FailureSide = 'directory' | 'bitwarden' | 'local-file' | 'configuration';

/**
 * The base of every failure the connector reports on purpose. `code` is stable (front ends turn it
 * into text and scripts can match on it), `side` says where the problem is and `remedy` what to do.
 */
export abstract class SyncError extends Error {
  abstract readonly code: string;
  abstract readonly side: FailureSide;

  constructor(
    message: string,
    readonly remedy: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

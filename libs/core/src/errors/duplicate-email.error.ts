import { SyncError } from './sync-error';

/**
 * Two or more active directory users share an email but differ otherwise. Bitwarden links members
 * by email, so the connector cannot tell which one is meant and refuses to guess.
 */
export class DuplicateEmailError extends SyncError {
  readonly code = 'DUPLICATE_EMAILS';
  readonly side = 'directory';

  constructor(readonly emails: readonly string[]) {
    super(
      `Emails must be unique. Multiple different directory entries have these emails: ${emails.join(', ')}.`,
      'Give each of these users a unique email in the directory, or narrow the user filter so only one of each is synced.',
    );
  }
}

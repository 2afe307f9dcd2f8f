import type { DirectoryUser } from '../model/directory-user';

/** Why a directory user is not in the import. The run report lists every one. */
export type DropReason =
  /** No email, or one that is blank once trimmed: Bitwarden links members by email. */
  | 'missing-email'
  /** Longer than the 256 characters the Bitwarden server accepts. */
  | 'email-too-long'
  /** An exact copy of another entry, sent once. */
  | 'identical-duplicate'
  /** A deleted entry (e.g. an AD tombstone) whose email belongs to an active user, who wins. */
  | 'deleted-duplicate-of-active';

export interface DroppedUser {
  readonly externalId: string;
  readonly referenceId: string;
  readonly email: string | null;
  readonly reason: DropReason;
}

export function droppedUser(
  user: DirectoryUser,
  reason: DropReason,
  email: string | null = user.email,
): DroppedUser {
  return { externalId: user.externalId, referenceId: user.referenceId, email, reason };
}

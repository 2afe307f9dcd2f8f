import type { DirectoryUser, NormalisedUser } from '../model/directory-user';
import { droppedUser, type DroppedUser } from './dropped-user';

/** The longest email the Bitwarden server accepts for a member. */
export const MAX_EMAIL_LENGTH = 256;

export interface NormalisedUsers {
  readonly users: readonly NormalisedUser[];
  readonly dropped: readonly DroppedUser[];
}

/**
 * Trims and lower-cases every email and sets aside the users Bitwarden cannot take, with a reason.
 * A deleted user without an email is kept (upstream dropped it, so its member was never removed):
 * the server needs only the external id to remove a member.
 */
export function normaliseUsers(users: readonly DirectoryUser[]): NormalisedUsers {
  const kept: NormalisedUser[] = [];
  const dropped: DroppedUser[] = [];
  for (const user of users) {
    const email = user.email?.trim().toLowerCase() ?? '';
    if (email === '' && user.deleted) {
      kept.push({ ...user, email: null, deleted: true });
    } else if (email === '') {
      dropped.push(droppedUser(user, 'missing-email'));
    } else if (email.length > MAX_EMAIL_LENGTH) {
      dropped.push(droppedUser(user, 'email-too-long', email));
    } else {
      kept.push({ ...user, email });
    }
  }
  return { users: kept, dropped };
}

import { DuplicateEmailError } from '../errors/duplicate-email.error';
import type { NormalisedUser } from '../model/directory-user';
import { droppedUser, type DroppedUser } from './dropped-user';

export interface DeduplicatedUsers {
  readonly users: readonly NormalisedUser[];
  readonly dropped: readonly DroppedUser[];
}

/**
 * Applies upstream's email uniqueness rules, independent of the order the directory returned:
 * exact copies collapse to one; a deleted entry whose email an active user has is dropped (the
 * active user wins); several deleted entries with one email are all kept; two different active
 * entries with one email are an error naming every such email.
 *
 * @throws DuplicateEmailError when any email has more than one distinct active entry.
 */
export function deduplicateUsers(users: readonly NormalisedUser[]): DeduplicatedUsers {
  // Most emails are unique: keep a lone user as is and only make a list on a second entry.
  const byEmail = new Map<string, NormalisedUser | NormalisedUser[]>();
  const withoutEmail: NormalisedUser[] = [];
  for (const user of users) {
    if (user.email === null) {
      withoutEmail.push(user);
      continue;
    }
    const entries = byEmail.get(user.email);
    if (entries === undefined) {
      byEmail.set(user.email, user);
    } else if (Array.isArray(entries)) {
      entries.push(user);
    } else {
      byEmail.set(user.email, [entries, user]);
    }
  }

  const dropped: DroppedUser[] = [];
  const kept: NormalisedUser[] = collapseIdenticalWithoutEmail(withoutEmail, dropped);
  const conflicting: string[] = [];
  for (const [email, entries] of byEmail) {
    if (!Array.isArray(entries)) {
      kept.push(entries);
      continue;
    }
    const distinct = collapseIdentical(entries, dropped);
    const active = distinct.filter((user) => !user.deleted);
    if (active.length > 1) {
      conflicting.push(email);
    } else if (active.length === 1) {
      kept.push(active[0] as NormalisedUser);
      for (const user of distinct) {
        if (user.deleted) {
          dropped.push(droppedUser(user, 'deleted-duplicate-of-active'));
        }
      }
    } else {
      kept.push(...distinct);
    }
  }

  if (conflicting.length > 0) {
    throw new DuplicateEmailError(conflicting.sort());
  }
  return { users: kept, dropped };
}

/**
 * Deleted entries without an email share no email with anyone; only exact copies collapse. A full
 * AD read returns every tombstone, so this is keyed rather than pairwise.
 */
function collapseIdenticalWithoutEmail(
  entries: readonly NormalisedUser[],
  dropped: DroppedUser[],
): NormalisedUser[] {
  const seen = new Set<string>();
  const distinct: NormalisedUser[] = [];
  for (const user of entries) {
    const key = `${user.externalId}\u0000${user.referenceId}\u0000${user.disabled}`;
    if (seen.has(key)) {
      dropped.push(droppedUser(user, 'identical-duplicate'));
    } else {
      seen.add(key);
      distinct.push(user);
    }
  }
  return distinct;
}

function collapseIdentical(entries: readonly NormalisedUser[], dropped: DroppedUser[]) {
  const distinct: NormalisedUser[] = [];
  for (const user of entries) {
    if (distinct.some((other) => isSameEntry(user, other))) {
      dropped.push(droppedUser(user, 'identical-duplicate'));
    } else {
      distinct.push(user);
    }
  }
  return distinct;
}

function isSameEntry(a: NormalisedUser, b: NormalisedUser): boolean {
  return (
    a.externalId === b.externalId &&
    a.referenceId === b.referenceId &&
    a.email === b.email &&
    a.disabled === b.disabled &&
    a.deleted === b.deleted
  );
}

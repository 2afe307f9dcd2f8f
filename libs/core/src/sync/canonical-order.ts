import type { FlattenedGroup } from '../model/directory-group';
import type { NormalisedUser } from '../model/directory-user';

/**
 * Code-unit order: the same on every machine and locale, which the fingerprint depends on
 * (`localeCompare` is neither stable across ICU versions nor fast).
 */
export function compareStrings(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

/** Users in a canonical order so the same directory read in any order builds the same request. */
export function sortUsers(users: readonly NormalisedUser[]): NormalisedUser[] {
  return [...users].sort(
    (a, b) =>
      compareStrings(a.externalId, b.externalId) ||
      compareStrings(a.email ?? '', b.email ?? '') ||
      Number(a.deleted) - Number(b.deleted) ||
      Number(a.disabled) - Number(b.disabled) ||
      compareStrings(a.referenceId, b.referenceId),
  );
}

export function sortGroups(groups: readonly FlattenedGroup[]): FlattenedGroup[] {
  return [...groups].sort(
    (a, b) =>
      compareStrings(a.externalId, b.externalId) ||
      compareStrings(a.name, b.name) ||
      compareStrings(a.referenceId, b.referenceId) ||
      compareStrings(a.memberExternalIds.join('\n'), b.memberExternalIds.join('\n')),
  );
}

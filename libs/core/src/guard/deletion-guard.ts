/**
 * The most members one sync may remove: the larger of a count and a share of the organization.
 * Either may be null (not used); both null turns the guard off.
 */
export interface DeletionGuardSettings {
  readonly maxRemovals: number | null;
  readonly maxRemovalsPercent: number | null;
}

/** Entra Connect stops at 500, Okta at 20%; ours starts small: the larger of 10 and 10%. */
export const DEFAULT_DELETION_GUARD: DeletionGuardSettings = {
  maxRemovals: 10,
  maxRemovalsPercent: 10,
};

/** The removal limit for an organization of that many members; null when the guard is off. */
export function removalLimit(
  settings: DeletionGuardSettings,
  organizationMembers: number,
): number | null {
  const { maxRemovals, maxRemovalsPercent } = settings;
  if (maxRemovals === null && maxRemovalsPercent === null) {
    return null;
  }
  const byShare =
    maxRemovalsPercent === null ? 0 : Math.floor((organizationMembers * maxRemovalsPercent) / 100);
  return Math.max(maxRemovals ?? 0, byShare);
}

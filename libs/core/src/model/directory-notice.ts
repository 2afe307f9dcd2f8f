/**
 * Why a group member the directory lists is not in the import. Upstream dropped such members
 * silently; the run report names each one so an admin can widen a path or a filter on purpose.
 */
export type OutOfScopeReason =
  /** Its entry lies outside the user and group search paths. */
  | 'outside-search-paths'
  /** Its entry lies inside a search path but the object class or filter excludes it (a computer, a contact, a built-in account...). */
  | 'excluded-by-filter'
  /** A `memberUid` value that is no synced user's uid. */
  | 'unknown-uid';

/** Something a directory read noticed that the run report should show; it never stops a sync. */
export interface DirectoryNotice {
  readonly kind: 'member-out-of-scope';
  /** The group's name, as it will appear in Bitwarden. */
  readonly group: string;
  /** The member as the directory wrote it: a DN, a uid, an id. */
  readonly member: string;
  readonly reason: OutOfScopeReason;
}

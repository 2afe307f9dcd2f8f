/**
 * Why a group member the directory lists is not in the import. Upstream dropped such members
 * silently; the run report names each one so an admin can widen a path or a filter on purpose.
 */
export type OutOfScopeReason =
  /** Not a synced group, and its entry lies outside the user search path. */
  | 'outside-user-path'
  /**
   * Not a synced group, and inside the user search path, but the user object class or filter
   * excludes it: a computer, a contact, a built-in account, a group outside the group path...
   */
  | 'excluded-by-filter'
  /** A `memberUid` value that is no synced user's uid. */
  | 'unknown-uid'
  /** An export file's group names a member that is none of the users or groups in that file. */
  | 'unknown-member';

/** Something a directory read noticed that the run report should show; it never stops a sync. */
export type DirectoryNotice =
  MemberOutOfScopeNotice | DeletedUsersUnavailableNotice | UsersSkippedNotice;

/** A group lists a member that is not among the synced users or groups. */
export interface MemberOutOfScopeNotice {
  readonly kind: 'member-out-of-scope';
  /** The group's name, as it will appear in Bitwarden. */
  readonly group: string;
  /** The member as the directory wrote it: a DN, a uid, an id. */
  readonly member: string;
  readonly reason: OutOfScopeReason;
}

/**
 * The directory's deleted users could not be read (AD's Deleted Objects need rights the bind
 * account may lack), so members deleted there are not removed from the organization.
 */
export interface DeletedUsersUnavailableNotice {
  readonly kind: 'deleted-users-unavailable';
  /** What the directory answered. */
  readonly detail: string;
}

/** Why a directory's users were left out on purpose, as upstream leaves them out. */
export type SkippedUserReason =
  /** A guest of the tenant (Entra ID `userType` Guest, `#EXT#` names): not a member to sync. */
  | 'guest'
  /** No email in any of the attributes the provider reads it from. */
  | 'no-email';

/**
 * Users the read left out and how many, so the report says "12 guests skipped" where upstream
 * skipped them without a word.
 */
export interface UsersSkippedNotice {
  readonly kind: 'users-skipped';
  readonly reason: SkippedUserReason;
  readonly count: number;
}

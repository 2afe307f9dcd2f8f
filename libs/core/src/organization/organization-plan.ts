import type { MemberStatus, MemberType } from '../bitwarden/organization-model';

/** A directory entry as the import names it. */
export interface PlannedMember {
  readonly externalId: string;
  readonly email: string;
}

/** An organization member the import touches, as the Public API lists it. */
export interface ExistingMember {
  readonly memberId: string;
  readonly email: string;
  readonly externalId: string | null;
  readonly type: MemberType;
  readonly status: MemberStatus;
}

/**
 * Why the server removes a member: the directory sent it as deleted (`deleted`, or `disabled`
 * with remove-disabled on), or overwrite is on and the directory does not list it (`unlisted`).
 */
export type RemovalReason = 'deleted' | 'disabled' | 'unlisted';

export interface PlannedRemoval extends ExistingMember {
  readonly reason: RemovalReason;
}

/** An existing member without an externalId that the import links to a directory entry by email. */
export interface PlannedLink extends ExistingMember {
  readonly linkedExternalId: string;
}

/**
 * A directory entry the server silently ignores: its email already belongs to a member under
 * another externalId (upstream's silent trap). Group memberships naming it are dropped too.
 */
export interface PlannedSkip extends PlannedMember {
  readonly existing: ExistingMember;
}

/** A group member named by the directory: an existing member, or one the import adds. */
export interface PlannedGroupMember {
  readonly externalId: string | null;
  readonly email: string;
}

export interface PlannedGroupChange {
  readonly externalId: string;
  readonly name: string;
  /** Null for a group the import creates. */
  readonly groupId: string | null;
  /** The name before, when the import renames the group; null otherwise. */
  readonly renamedFrom: string | null;
  readonly membersAdded: readonly PlannedGroupMember[];
  /** Includes members added by hand or without an externalId: the server replaces the set. */
  readonly membersRemoved: readonly PlannedGroupMember[];
}

/** Something the server is expected to refuse, with what it had applied before refusing. */
export interface PlannedRefusal {
  readonly code: 'OVERWRITE_MEMBERS_WITHOUT_MASTER_PASSWORD';
  readonly message: string;
  /** The members that make the server refuse (invited or staged: no account, no master password). */
  readonly members: readonly ExistingMember[];
}

/**
 * What the next sync will do to the organization, computed with the Bitwarden server's import
 * semantics (bitwarden-import-contract.md §3.4–3.6) from the organization as the Public API
 * lists it. Nothing here was sent.
 */
export interface OrganizationPlan {
  readonly members: {
    /** New memberships: invited, or staged when the server stages and inviting is off. */
    readonly added: readonly PlannedMember[];
    /** `invited`, or `invited-or-staged` when inviteUsersAfterProvisioning is off. */
    readonly addedAs: 'invited' | 'invited-or-staged';
    readonly linked: readonly PlannedLink[];
    readonly removed: readonly PlannedRemoval[];
    readonly skipped: readonly PlannedSkip[];
    /** Entries matched by externalId, left as they are. */
    readonly unchanged: number;
  };
  readonly groups: {
    readonly created: readonly PlannedGroupChange[];
    /** Existing groups renamed, or whose membership changes. */
    readonly updated: readonly PlannedGroupChange[];
    readonly unchanged: number;
  };
  readonly seats: {
    /** Members the organization has now (every status). */
    readonly members: number;
    /** Seats the new invitations take (staged members and the revoked take none). */
    readonly newlyOccupied: number;
  };
  /**
   * Accepted or confirmed members overwrite would remove: the server refuses the whole step if
   * one of them has no master password (SSO, TDE, key connector), which the Public API does not
   * show, so the plan can only warn.
   */
  readonly overwriteUnknowns: readonly ExistingMember[];
  readonly refusal: PlannedRefusal | null;
}

import { SyncError } from '../errors/sync-error';
import type { PlannedRemoval } from '../organization/organization-plan';

/** A removal as a refusal reports it: who, and why the import removes them. */
export interface RefusedRemoval {
  readonly email: string;
  readonly externalId: string | null;
  readonly reason: PlannedRemoval['reason'];
}

/** A guard's refusal as plain data, for a JSON envelope or an IPC message. */
export type GuardRefusal =
  | {
      readonly reason: 'too-many-removals';
      readonly removals: readonly RefusedRemoval[];
      readonly limit: number;
      readonly organizationMembers: number;
    }
  | { readonly reason: 'empty-read'; readonly lastSyncUsers: number };

/** The refusal a guard error carries, or null for any other error. */
export function guardRefusalOf(error: unknown): GuardRefusal | null {
  if (error instanceof DeletionGuardError) {
    return {
      reason: 'too-many-removals',
      removals: error.removals.map(({ email, externalId, reason }) => ({
        email,
        externalId,
        reason,
      })),
      limit: error.limit,
      organizationMembers: error.organizationMembers,
    };
  }
  if (error instanceof EmptyDirectoryReadError) {
    return { reason: 'empty-read', lastSyncUsers: error.lastSyncUsers };
  }
  return null;
}

/** Shown in the message; the error carries all of them. */
const LISTED_REMOVALS = 20;

/** The sync would remove more members than the deletion guard allows; nothing was sent. */
export class DeletionGuardError extends SyncError {
  readonly code = 'DELETION_GUARD_TRIPPED';
  readonly side = 'directory' as const;

  constructor(
    readonly removals: readonly PlannedRemoval[],
    readonly limit: number,
    readonly organizationMembers: number,
  ) {
    super(
      `The sync would remove ${removals.length} of ${organizationMembers} members, more than the ` +
        `deletion guard allows (${limit}); nothing was sent. Would remove: ${listed(removals)}`,
      'Check the directory and the sync filters (bwdc plan shows every change). If the removals ' +
        'are intended, run bwdc sync --force (or confirm in the desktop app), or raise ' +
        'sync.maxRemovals / sync.maxRemovalsPercent.',
    );
  }
}

/** A whole read returned no users where the last successful sync had some; nothing was sent. */
export class EmptyDirectoryReadError extends SyncError {
  readonly code = 'EMPTY_DIRECTORY_READ';
  readonly side = 'directory' as const;

  constructor(readonly lastSyncUsers: number) {
    super(
      `The directory returned no users, where the last successful sync had ${lastSyncUsers}; ` +
        'nothing was sent.',
      'Check the directory connection, the base DN or scope and the user filter (bwdc test shows ' +
        'what is read). If the directory really is empty now, run bwdc sync --force.',
    );
  }
}

function listed(removals: readonly PlannedRemoval[]): string {
  const shown = removals
    .slice(0, LISTED_REMOVALS)
    .map((removal) => `${removal.email || removal.externalId} (${removal.reason})`)
    .join(', ');
  const more = removals.length - LISTED_REMOVALS;
  return more > 0 ? `${shown} and ${more} more.` : `${shown}.`;
}

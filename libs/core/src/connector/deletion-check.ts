import { removalLimit, type DeletionGuardSettings } from '../guard/deletion-guard';
import type { OrganizationPlan } from '../organization/organization-plan';
import type { DirectorySnapshot } from '../ports/directory-provider';
import type { SyncPlan } from '../sync/sync-plan';
import type { ConnectorSyncOptions, ConnectorSyncState } from './connector-store';
import type { GuardVerdict } from './plan-report';

/** Only an import that deletes, or overwrite, can remove members: only then is a plan needed. */
export function removalsPossible(plan: SyncPlan, sync: ConnectorSyncOptions): boolean {
  return plan.outcome === 'send' && (sync.overwriteExisting || plan.counts.sentAsDeleted > 0);
}

/**
 * Whether the read took in the whole directory: asked for in full, read with no position to start
 * from (a first sync, a cleared cache), or from a provider that keeps no position at all.
 */
export function isWholeRead(
  mode: 'full' | 'delta',
  state: ConnectorSyncState,
  snapshot: DirectorySnapshot,
): boolean {
  const noPositionGiven = state.lastUserSync === null && state.userDeltaToken === null;
  const noPositionKept =
    snapshot.cursor.usersReadAt === null && snapshot.cursor.userDeltaToken === null;
  return mode === 'full' || noPositionGiven || noPositionKept;
}

/**
 * The user count of the last sync when this whole read returned no users after it had some (an
 * LDAP base that vanished, a filter gone wrong); null when the read looks sound.
 */
export function emptyReadAfter(
  sync: ConnectorSyncOptions,
  state: ConnectorSyncState,
  wholeRead: boolean,
  snapshot: DirectorySnapshot,
): number | null {
  const before = state.lastSyncUserCount ?? 0;
  return sync.users && wholeRead && snapshot.users.length === 0 && before > 0 ? before : null;
}

export function guardVerdict(
  settings: DeletionGuardSettings,
  organization: OrganizationPlan,
  emptyRead: number | null,
): GuardVerdict {
  const organizationMembers = organization.seats.members;
  const removals = organization.members.removed.length;
  const limit = removalLimit(settings, organizationMembers);
  return {
    removals,
    limit,
    organizationMembers,
    tooManyRemovals: limit !== null && removals > limit,
    emptyReadAfter: emptyRead,
  };
}

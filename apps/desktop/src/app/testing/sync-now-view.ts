import type { SyncCounts } from '@bwdc/core';

import type { GuardRefusalView, SyncNowView } from '../../shared/sync-now-view';

type Synced = Extract<SyncNowView, { kind: 'synced' }>;

/** Counts with the users and groups given; the rest follow from them. */
export function syncCounts(fields: Partial<SyncCounts> = {}): SyncCounts {
  const enabledUsers = fields.enabledUsers ?? 0;
  return {
    users: enabledUsers,
    enabledUsers,
    disabledUsers: 0,
    deletedUsers: 0,
    sentAsDeleted: 0,
    groups: 0,
    memberships: 0,
    droppedUsers: 0,
    requests: 1,
    ...fields,
  };
}

/** Sync now that sent a full import of 20 users and 5 groups, with the fields given. */
export function synced(fields: Partial<Synced> = {}): Synced {
  return {
    kind: 'synced',
    outcome: 'send',
    mode: 'full',
    requestsSent: 1,
    counts: syncCounts({ enabledUsers: 20, groups: 5 }),
    ...fields,
  };
}

/** The deletion guard's refusal of `count` unlisted members (limit 10 of 40). */
export function tooManyRemovals(count: number): SyncNowView {
  const refusal: GuardRefusalView = {
    reason: 'too-many-removals',
    message: `The sync would remove ${count} of 40 members, more than the deletion guard allows (10); nothing was sent.`,
    remedy: 'Check the directory and the sync filters.',
    removals: Array.from({ length: count }, (_, index) => ({
      email: `gone${index}@example.com`,
      externalId: `uid=gone${index}`,
      reason: index === 0 ? 'deleted' : 'unlisted',
    })),
    limit: 10,
    organizationMembers: 40,
  };
  return { kind: 'guard-refused', refusal };
}

export function emptyRead(lastSyncUsers: number): SyncNowView {
  return {
    kind: 'guard-refused',
    refusal: {
      reason: 'empty-read',
      message: `The directory returned no users, where the last successful sync had ${lastSyncUsers}; nothing was sent.`,
      remedy: 'Check the directory connection.',
      lastSyncUsers,
    },
  };
}

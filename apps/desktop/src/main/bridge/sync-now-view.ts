import { DeletionGuardError, EmptyDirectoryReadError } from '@bwdc/core';

import type { SyncNowView } from '../../shared/sync-now-view';
import type { ScheduledRun } from '../scheduler';

/**
 * Sync now's answer: the report, or the guard's refusal as data the confirmation lists (the
 * renderer gets errors as code, message and remedy only, and the removals are needed there).
 * Any other failure is thrown again, so the renderer shows it with its code and remedy.
 */
export function syncNowViewOf(run: ScheduledRun): SyncNowView {
  if (run.ok) {
    const { outcome, mode, requestsSent, counts } = run.report;
    return { kind: 'synced', outcome, mode, requestsSent, counts: { ...counts } };
  }
  const { error } = run;
  if (error instanceof DeletionGuardError) {
    return {
      kind: 'guard-refused',
      refusal: {
        reason: 'too-many-removals',
        message: error.message,
        remedy: error.remedy,
        removals: error.removals.map(({ email, externalId, reason }) => ({
          email,
          externalId,
          reason,
        })),
        limit: error.limit,
        organizationMembers: error.organizationMembers,
      },
    };
  }
  if (error instanceof EmptyDirectoryReadError) {
    return {
      kind: 'guard-refused',
      refusal: {
        reason: 'empty-read',
        message: error.message,
        remedy: error.remedy,
        lastSyncUsers: error.lastSyncUsers,
      },
    };
  }
  throw error;
}

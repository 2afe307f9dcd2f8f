import { BitwardenError, DeletionGuardError, type SyncReport } from '@bwdc/core';

import { runFailed, runSucceeded, type RunResult } from './run-result';

/** A finished sync as the Connector reports it: `members` members and `groups` groups. */
export function aSyncReport(
  outcome: SyncReport['outcome'],
  { members = 20, groups = 5, dropped = 0 } = {},
): SyncReport {
  return {
    outcome,
    mode: 'full',
    requestsSent: outcome === 'send' ? 1 : 0,
    counts: {
      users: members,
      enabledUsers: members,
      disabledUsers: 0,
      deletedUsers: 0,
      sentAsDeleted: 0,
      groups,
      memberships: groups * 2,
      droppedUsers: dropped,
      requests: outcome === 'send' ? 1 : 0,
    },
    dropped: [],
    notices: [],
    organization: null,
    guard: null,
  };
}

export const serverError = (): BitwardenError =>
  new BitwardenError('SERVER_ERROR', 'The Bitwarden server failed (500).', 'Try again later.', {
    status: 500,
  });

export const guardTrip = (): DeletionGuardError =>
  new DeletionGuardError(
    Array.from({ length: 12 }, (_, index) => ({
      memberId: `member-${index}`,
      email: `user${index}@example.com`,
      externalId: `uid=user${index}`,
      type: 'user' as const,
      status: 'confirmed' as const,
      reason: 'unlisted' as const,
    })),
    10,
    100,
  );

const at = (seconds: number): Date => new Date(Date.UTC(2026, 2, 2, 10, 0, seconds));

/** Runs at second `second` of 2026-03-02T10:00Z, each taking one second. */
export const succeededAt = (second: number, outcome: SyncReport['outcome'] = 'send'): RunResult =>
  runSucceeded(at(second), at(second + 1), aSyncReport(outcome));

export const failedAt = (second: number, error: unknown = serverError()): RunResult =>
  runFailed(at(second), at(second + 1), error);

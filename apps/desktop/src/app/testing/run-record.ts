import type { SyncCounts } from '@bwdc/core';

import type { RunRecordView } from '../../shared/status-view';

type OkRun = Extract<RunRecordView, { status: 'ok' }>;
type FailedRun = Extract<RunRecordView, { status: 'error' }>;

/** Counts with the users and groups given; the rest follow from them. */
export function syncCounts(fields: Partial<SyncCounts> = {}): SyncCounts {
  const enabledUsers = fields.enabledUsers ?? 0;
  const disabledUsers = fields.disabledUsers ?? 0;
  const deletedUsers = fields.deletedUsers ?? 0;
  return {
    users: enabledUsers + disabledUsers + deletedUsers,
    enabledUsers,
    disabledUsers,
    deletedUsers,
    sentAsDeleted: deletedUsers,
    groups: 0,
    memberships: 0,
    droppedUsers: 0,
    requests: 1,
    ...fields,
  };
}

/** A Sync now that sent a full import and took 12 seconds, with the fields given. */
export function okRun(fields: Partial<OkRun> = {}): OkRun {
  return {
    trigger: 'manual',
    startedAt: '2025-01-15T10:30:00.000Z',
    finishedAt: '2025-01-15T10:30:12.000Z',
    status: 'ok',
    outcome: 'send',
    mode: 'full',
    requestsSent: 1,
    counts: syncCounts({ enabledUsers: 20, groups: 5 }),
    ...fields,
  };
}

/** A scheduled run that failed, with the fields given. */
export function failedRun(fields: Partial<FailedRun> = {}): FailedRun {
  return {
    trigger: 'schedule',
    startedAt: '2025-01-15T09:00:00.000Z',
    finishedAt: '2025-01-15T09:00:03.000Z',
    status: 'error',
    error: {
      message: 'The directory refused the bind.',
      code: 'DIRECTORY_AUTH',
      remedy: 'Check the bind user and password in the directory settings.',
    },
    ...fields,
  };
}

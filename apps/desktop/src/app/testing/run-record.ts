import { NO_RUN_PHASES, type RunCounts, type RunRecord } from '@bwdc/core';

/** Counts of a run that read the users and groups given and sent them all. */
export function runCounts(fields: Partial<RunCounts> = {}): RunCounts {
  return {
    usersRead: 20,
    groupsRead: 5,
    dropped: 0,
    droppedByReason: {},
    membersSent: 20,
    groupsSent: 5,
    membersUnchanged: 0,
    groupsUnchanged: 0,
    ...fields,
  };
}

/** A Sync now from this app that sent a full import and took 12 seconds, with the fields given. */
export function sentRun(fields: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 'run-sent',
    kind: 'sync',
    source: 'desktop',
    trigger: 'manual',
    startedAt: '2025-01-15T10:30:00.000Z',
    finishedAt: '2025-01-15T10:30:12.000Z',
    durationMs: 12_000,
    outcome: 'sent',
    mode: 'full',
    counts: runCounts(),
    batches: 1,
    phases: { readMs: 4_000, planMs: 1_000, organizationMs: null, importMs: 6_500 },
    plannedRemovals: null,
    guard: null,
    error: null,
    ...fields,
  };
}

/** A scheduled run that failed before reading the directory, with the fields given. */
export function failedRun(fields: Partial<RunRecord> = {}): RunRecord {
  return sentRun({
    id: 'run-failed',
    trigger: 'schedule',
    startedAt: '2025-01-15T09:00:00.000Z',
    finishedAt: '2025-01-15T09:00:03.000Z',
    durationMs: 3_000,
    outcome: 'failed',
    mode: null,
    counts: null,
    batches: 0,
    phases: NO_RUN_PHASES,
    error: {
      code: 'DIRECTORY_AUTH',
      side: 'directory',
      message: 'The directory refused the bind.',
      remedy: 'Check the bind user and password in the directory settings.',
    },
    ...fields,
  });
}

/** A `bwdc serve` run the deletion guard refused: 16 removals, limit 10. */
export function refusedRun(fields: Partial<RunRecord> = {}): RunRecord {
  return sentRun({
    id: 'run-refused',
    source: 'service',
    trigger: 'schedule',
    startedAt: '2025-01-15T08:00:00.000Z',
    finishedAt: '2025-01-15T08:00:04.000Z',
    durationMs: 4_000,
    outcome: 'refused',
    mode: 'full',
    counts: runCounts({ usersRead: 4, membersSent: 0, groupsSent: 0 }),
    batches: 0,
    plannedRemovals: 16,
    guard: { reason: 'too-many-removals', removals: 16, limit: 10, overridden: false },
    error: {
      code: 'DELETION_GUARD_TRIPPED',
      side: 'directory',
      message: 'The sync would remove 16 of 21 members, more than the deletion guard allows (10).',
      remedy: 'Check the directory and the sync filters, or run bwdc sync --force.',
    },
    ...fields,
  });
}

import { SyncError, type SyncReport } from '@bwdc/core';
import { z } from 'zod';

/** The sync's counts as `SyncCounts`, spelled out so a record read back from disk is checked. */
const SyncCountsSchema = z.object({
  users: z.number(),
  enabledUsers: z.number(),
  disabledUsers: z.number(),
  deletedUsers: z.number(),
  sentAsDeleted: z.number(),
  groups: z.number(),
  memberships: z.number(),
  droppedUsers: z.number(),
  requests: z.number(),
});

const RunTimesSchema = z.object({
  /** `schedule`: the timer started it; `manual`: someone asked for it (Sync now). */
  trigger: z.enum(['schedule', 'manual']),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
});

/** One scheduled or manual sync as the history keeps it: what it did, or why it failed. */
export const RunRecordSchema = z.discriminatedUnion('status', [
  RunTimesSchema.extend({
    status: z.literal('ok'),
    outcome: z.enum(['send', 'unchanged', 'empty']),
    mode: z.enum(['full', 'delta']),
    requestsSent: z.number(),
    counts: SyncCountsSchema,
  }),
  RunTimesSchema.extend({
    status: z.literal('error'),
    error: z.object({
      message: z.string(),
      /** The SyncError code (or a Node error code) the UI turns into text; null when none. */
      code: z.string().nullable(),
      remedy: z.string().nullable(),
    }),
  }),
]);

export type RunRecord = z.infer<typeof RunRecordSchema>;
export type RunTrigger = RunRecord['trigger'];
type RunTimes = z.infer<typeof RunTimesSchema>;

export function succeededRun(times: RunTimes, report: SyncReport): RunRecord {
  return {
    ...times,
    status: 'ok',
    outcome: report.outcome,
    mode: report.mode,
    requestsSent: report.requestsSent,
    counts: { ...report.counts },
  };
}

export function failedRun(times: RunTimes, error: unknown): RunRecord {
  return {
    ...times,
    status: 'error',
    error: {
      message: error instanceof Error ? error.message : String(error),
      code: codeOf(error),
      remedy: error instanceof SyncError ? error.remedy : null,
    },
  };
}

function codeOf(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : null;
  }
  return null;
}

/** One line for the log: what the run did, or why it failed (messages never carry secrets). */
export function runSummary(record: RunRecord): string {
  const what = record.trigger === 'schedule' ? 'Scheduled sync' : 'Sync';
  if (record.status === 'error') {
    return `${what} failed: ${record.error.message}`;
  }
  const { counts } = record;
  switch (record.outcome) {
    case 'send':
      return `${what} sent ${counts.users} users and ${counts.groups} groups to Bitwarden (${record.mode}).`;
    case 'unchanged':
      return `${what}: nothing changed since the last sync, nothing sent.`;
    case 'empty':
      return `${what}: the directory returned no users or groups, nothing sent.`;
  }
}

import { NO_RUN_PHASES, type RunRecord } from '@bwdc/core';
import { z } from 'zod';

const RunCountsSchema = z.object({
  usersRead: z.number(),
  groupsRead: z.number(),
  dropped: z.number(),
  droppedByReason: z.record(z.string(), z.number()),
  membersSent: z.number(),
  groupsSent: z.number(),
  membersUnchanged: z.number(),
  groupsUnchanged: z.number(),
});

const phaseMs = z.number().nullable();

/** Records written before the phases were kept read back without them. */
const RunPhasesSchema = z
  .object({
    readMs: phaseMs,
    planMs: phaseMs,
    organizationMs: phaseMs,
    importMs: phaseMs,
  })
  .default(NO_RUN_PHASES);

/** The Connector's `RunRecord`, checked when read back from disk. */
export const RunRecordSchema = z.object({
  id: z.string(),
  kind: z.enum(['test', 'plan', 'sync']),
  source: z.enum(['cli', 'desktop', 'service']),
  trigger: z.enum(['manual', 'schedule']),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  outcome: z.enum(['sent', 'unchanged', 'empty', 'read', 'planned', 'refused', 'failed']),
  mode: z.enum(['full', 'delta']).nullable(),
  counts: RunCountsSchema.nullable(),
  batches: z.number(),
  phases: RunPhasesSchema,
  plannedRemovals: z.number().nullable(),
  guard: z
    .object({
      reason: z.enum(['too-many-removals', 'empty-read']),
      removals: z.number(),
      limit: z.number(),
      overridden: z.boolean(),
    })
    .nullable(),
  error: z
    .object({
      code: z.string().nullable(),
      side: z.enum(['directory', 'bitwarden', 'local-file', 'configuration']).nullable(),
      message: z.string(),
      remedy: z.string().nullable(),
    })
    .nullable(),
}) satisfies z.ZodType<RunRecord>;

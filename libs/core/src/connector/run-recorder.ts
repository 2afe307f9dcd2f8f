import { randomUUID } from 'node:crypto';

import { SyncError } from '../errors/sync-error';
import { DeletionGuardError, EmptyDirectoryReadError } from '../guard/deletion-guard.error';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { DirectorySnapshot } from '../ports/directory-provider';
import {
  NO_RUN_PHASES,
  type RunCounts,
  type RunError,
  type RunGuard,
  type RunKind,
  type RunOutcome,
  type RunPhase,
  type RunPhases,
  type RunRecord,
  type RunSource,
  type RunTrigger,
} from '../runs/run-record';
import type { SyncPlan } from '../sync/sync-plan';
import type { ConnectorStore } from './connector-store';

/** What a run learnt as it went; whatever it had when it ended goes into the record. */
interface RunDetails {
  mode: RunRecord['mode'];
  counts: RunCounts | null;
  batches: number;
  phases: RunPhases;
  plannedRemovals: number | null;
  guard: RunGuard | null;
}

/** Gathers one run's record: started when built, finished once with its outcome or error. */
export class RunRecorder {
  private readonly details: RunDetails = {
    mode: null,
    counts: null,
    batches: 0,
    phases: NO_RUN_PHASES,
    plannedRemovals: null,
    guard: null,
  };

  constructor(
    private readonly run: {
      readonly kind: RunKind;
      readonly source: RunSource;
      readonly trigger: RunTrigger;
      readonly startedAt: Date;
    },
  ) {}

  note(details: Partial<RunDetails>): void {
    Object.assign(this.details, details);
  }

  /** Runs one phase of the run and notes how long it took, also when it fails. */
  async timed<T>(phase: RunPhase, work: () => T | Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      const elapsed = Math.round(performance.now() - started);
      this.details.phases = { ...this.details.phases, [`${phase}Ms`]: elapsed };
    }
  }

  finish(finishedAt: Date, outcome: RunOutcome, error: unknown): RunRecord {
    const { kind, source, trigger, startedAt } = this.run;
    return {
      id: randomUUID(),
      kind,
      source,
      trigger,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
      outcome,
      ...this.details,
      error: error === null ? null : runErrorOf(error),
    };
  }
}

/**
 * The counts of a read and its import. `sent` when the import was posted; an `unchanged` import
 * counts as unchanged entries instead.
 */
export function runCountsOf(
  snapshot: DirectorySnapshot,
  plan: SyncPlan,
  delivery: 'sent' | 'not-sent',
): RunCounts {
  const droppedByReason: Record<string, number> = {};
  for (const dropped of plan.dropped) {
    droppedByReason[dropped.reason] = (droppedByReason[dropped.reason] ?? 0) + 1;
  }
  const sent = delivery === 'sent' && plan.outcome === 'send';
  const unchanged = plan.outcome === 'unchanged';
  return {
    usersRead: snapshot.users.length,
    groupsRead: snapshot.groups.length,
    dropped: plan.dropped.length,
    droppedByReason,
    membersSent: sent ? plan.counts.users : 0,
    groupsSent: sent ? plan.counts.groups : 0,
    membersUnchanged: unchanged ? plan.counts.users : 0,
    groupsUnchanged: unchanged ? plan.counts.groups : 0,
  };
}

function runErrorOf(error: unknown): RunError {
  if (error instanceof SyncError) {
    return { code: error.code, side: error.side, message: error.message, remedy: error.remedy };
  }
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : null;
  return {
    code,
    side: null,
    message: error instanceof Error ? error.message : String(error),
    remedy: null,
  };
}

/** A run's work: its result, and the outcome the history records for it. */
export type RecordedWork<T> = (
  recorder: RunRecorder,
) => Promise<{ readonly result: T; readonly outcome: RunOutcome }>;

/**
 * Runs `work` as one run of the history: recorded however it ends (a guard's error as `refused`,
 * any other as `failed`), its error thrown again.
 */
export async function recordedRun<T>(
  run: {
    readonly kind: RunKind;
    readonly source: RunSource;
    readonly trigger: RunTrigger;
    readonly clock: Clock;
    readonly store: Pick<ConnectorStore, 'recordRun'>;
    readonly logger: Logger;
    /** Sees the record before it is stored, whether or not storing it works. */
    readonly onRecorded?: (record: RunRecord) => void;
  },
  work: RecordedWork<T>,
): Promise<T> {
  const { clock } = run;
  const recorder = new RunRecorder({ ...run, startedAt: clock.now() });
  try {
    const { result, outcome } = await work(recorder);
    await keepRun(run, recorder.finish(clock.now(), outcome, null));
    return result;
  } catch (error) {
    const refused = error instanceof DeletionGuardError || error instanceof EmptyDirectoryReadError;
    await keepRun(run, recorder.finish(clock.now(), refused ? 'refused' : 'failed', error));
    throw error;
  }
}

/** A history that cannot be written must not turn a run's result into a failure. */
async function keepRun(
  run: {
    readonly store: Pick<ConnectorStore, 'recordRun'>;
    readonly logger: Logger;
    readonly onRecorded?: (record: RunRecord) => void;
  },
  record: RunRecord,
): Promise<void> {
  run.onRecorded?.(record);
  try {
    await run.store.recordRun(record);
  } catch (error) {
    run.logger.log('warn', 'The run could not be added to the history.', {
      reason: error instanceof Error ? error.message : String(error),
    });
  }
}

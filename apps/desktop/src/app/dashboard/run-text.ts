import type { RunOutcome, RunRecord, RunSource } from '@bwdc/core';

import type { SyncNowView } from '../../shared/sync-now-view';
import type { Failure } from '../failure';
import {
  countOf,
  type DisplayFormat,
  formatCount,
  formatDateTime,
  formatDuration,
  formatMilliseconds,
} from '../format/display-format';

const OUTCOMES: Record<RunOutcome, string> = {
  sent: 'Sent',
  unchanged: 'No changes',
  empty: 'Empty directory',
  read: 'Read',
  planned: 'Previewed',
  refused: 'Refused',
  failed: 'Failed',
};

/** Which front end ran it: this app, the CLI, or the CLI's scheduler service. */
const SOURCES: Record<RunSource, string> = {
  desktop: 'Desktop app',
  cli: 'bwdc',
  service: 'bwdc serve',
};

const MODES: Record<'full' | 'delta', string> = {
  full: 'Full',
  delta: 'Delta',
};

/** What Sync now tells when its run is over: what it did, or why it failed. */
export type SyncNowResult =
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'failed'; readonly failure: Failure };

/** A sync's answer as one sentence (a guard's refusal is the confirmation's, not this). */
export function syncNowText(
  view: Extract<SyncNowView, { kind: 'synced' }>,
  format: DisplayFormat,
): string {
  switch (view.outcome) {
    case 'send':
      return `Sent to Bitwarden: ${countOf(view.counts.users, 'user', format)}, ${countOf(view.counts.groups, 'group', format)}`;
    case 'unchanged':
      return 'No changes since the last sync';
    case 'empty':
      return 'The directory was empty: nothing sent';
  }
}

/** One row of the run history, as text. Mode and counts are null for a refused or failed run. */
export interface RunRow {
  readonly id: string;
  readonly startedAt: string;
  /** What ran: "Sync now", "Scheduled sync", "Sync", "Test", "Preview". */
  readonly run: string;
  readonly source: string;
  readonly duration: string;
  /** Where the time went: "Directory 4s, planning 1s, Bitwarden 6.5s"; null when unknown. */
  readonly timeSplit: string | null;
  readonly outcome: string;
  readonly tone: 'ok' | 'refused' | 'failed';
  readonly mode: string | null;
  readonly users: string | null;
  readonly groups: string | null;
  /** Why it was refused or failed, and what to do. */
  readonly problem: Failure | null;
}

export function runRow(run: RunRecord, format: DisplayFormat): RunRow {
  const row = {
    id: run.id,
    startedAt: formatDateTime(run.startedAt, format),
    run: runName(run),
    source: SOURCES[run.source],
    duration: formatDuration(run.startedAt, run.finishedAt, format),
    timeSplit: timeSplitText(run, format),
    outcome: OUTCOMES[run.outcome],
  };
  if (run.outcome === 'refused' || run.outcome === 'failed') {
    return {
      ...row,
      tone: run.outcome,
      mode: null,
      users: null,
      groups: null,
      problem: problemOf(run, format),
    };
  }
  const { counts } = run;
  return {
    ...row,
    tone: 'ok',
    mode: run.mode === null ? null : MODES[run.mode],
    users: counts === null ? null : usersText(run, format),
    groups: counts === null ? null : formatCount(counts.groupsRead, format),
    problem: null,
  };
}

/**
 * The directory's share, the planning, and Bitwarden's share (reading the organization and the
 * import): whether a slow run waited on the directory or on Bitwarden.
 */
function timeSplitText(run: RunRecord, format: DisplayFormat): string | null {
  const { readMs, planMs, organizationMs, importMs } = run.phases;
  const bitwardenMs =
    organizationMs === null && importMs === null ? null : (organizationMs ?? 0) + (importMs ?? 0);
  const parts: [string, number | null][] = [
    ['Directory', readMs],
    ['planning', planMs],
    ['Bitwarden', bitwardenMs],
  ];
  const shown = parts.flatMap(([name, milliseconds]) =>
    milliseconds === null ? [] : [`${name} ${formatMilliseconds(milliseconds, format)}`],
  );
  return shown.length === 0 ? null : shown.join(', ');
}

function runName(run: RunRecord): string {
  switch (run.kind) {
    case 'test':
      return 'Test';
    case 'plan':
      return 'Preview';
    case 'sync':
      if (run.trigger === 'schedule') {
        return 'Scheduled sync';
      }
      // Sync now is this app's button; bwdc sync is just a sync.
      return run.source === 'desktop' ? 'Sync now' : 'Sync';
  }
}

/** "20 read, 20 sent, 1 left out" for a sync; what was read for a test or preview. */
function usersText(run: RunRecord, format: DisplayFormat): string {
  const counts = run.counts;
  if (counts === null) {
    return '';
  }
  const parts = [`${formatCount(counts.usersRead, format)} read`];
  if (run.kind === 'sync') {
    parts.push(`${formatCount(counts.membersSent, format)} sent`);
  }
  if (counts.dropped > 0) {
    parts.push(`${formatCount(counts.dropped, format)} left out`);
  }
  if (run.plannedRemovals !== null && run.plannedRemovals > 0) {
    parts.push(`${formatCount(run.plannedRemovals, format)} removed`);
  }
  return parts.join(', ');
}

function problemOf(run: RunRecord, format: DisplayFormat): Failure {
  const { guard, error } = run;
  if (run.outcome === 'refused' && guard !== null) {
    const message =
      guard.reason === 'too-many-removals'
        ? `Refused by the deletion guard: would remove ${countOf(guard.removals, 'member', format)} (limit ${formatCount(guard.limit, format)}).`
        : 'Refused: the directory returned no users, where the last sync had some.';
    return { message, remedy: error?.remedy ?? GUARD_REMEDIES[guard.reason] };
  }
  return {
    message: error?.message ?? 'The run failed without a message.',
    remedy: error?.remedy ?? null,
  };
}

/** Shown when the record has no remedy of its own (an older or terser front end wrote it). */
const GUARD_REMEDIES: Record<'too-many-removals' | 'empty-read', string> = {
  'too-many-removals':
    'Preview the changes to see who would be removed. If that is intended, confirm it with Sync now, or raise the limit in the settings.',
  'empty-read':
    'Check the directory connection and the user filter (Test now shows what is read). If the directory really is empty now, confirm it with Sync now.',
};

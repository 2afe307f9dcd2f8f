import { RUN_PHASES, phaseMs, type RunPhase, type RunPhases, type RunRecord } from '@bwdc/core';

import { localIsoTime } from './local-time';

const HEADINGS = [
  'When',
  'Kind',
  'Source',
  'Trigger',
  'Outcome',
  'Duration',
  'Time split',
  'Read',
  'Dropped',
  'Members sent',
  'Groups sent',
  'Batches',
  'Details',
] as const;

/**
 * `bwdc history` for a person: one row a run, newest first, the last column saying why a run
 * failed or what a guard measured.
 */
export function historyText(runs: readonly RunRecord[]): string {
  if (runs.length === 0) {
    return 'No runs recorded yet: bwdc test, plan and sync record theirs here.';
  }
  const rows = runs.map(historyRow);
  const widths = HEADINGS.map((heading, column) =>
    Math.max(heading.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(HEADINGS), ...rows.map(line)].join('\n');
}

function historyRow(run: RunRecord): string[] {
  const count = (value: number | undefined) => (value === undefined ? '-' : String(value));
  return [
    localIsoTime(run.startedAt),
    run.kind,
    run.source,
    run.trigger,
    run.outcome,
    duration(run.durationMs),
    phasesText(run.phases),
    count(run.counts?.usersRead),
    count(run.counts?.dropped),
    count(run.counts?.membersSent),
    count(run.counts?.groupsSent),
    String(run.batches),
    details(run),
  ];
}

/** The codes of a guard's refusal: the guard part of the row already says what it measured. */
const GUARD_CODES: ReadonlySet<string> = new Set([
  'DELETION_GUARD_TRIPPED',
  'EMPTY_DIRECTORY_READ',
]);

function details(run: RunRecord): string {
  const parts: string[] = [];
  if (run.guard !== null) {
    const { reason, removals, limit, overridden } = run.guard;
    parts.push(
      reason === 'empty-read'
        ? `empty-read guard${overridden ? ' overridden' : ''}`
        : `deletion guard: ${removals} removal(s), limit ${limit}${overridden ? ', overridden' : ''}`,
    );
  } else if (run.plannedRemovals !== null && run.plannedRemovals > 0) {
    parts.push(`${run.plannedRemovals} removal(s)`);
  }
  const { error } = run;
  if (error !== null && run.guard !== null && error.code !== null && GUARD_CODES.has(error.code)) {
    return `${parts.join('; ')} (${error.code})`;
  }
  if (error !== null) {
    parts.push(`${error.code ?? 'ERROR'}: ${error.message}`);
  }
  return parts.join('; ');
}

const PHASE_NAMES: Readonly<Record<RunPhase, string>> = {
  read: 'read',
  plan: 'plan',
  organization: 'org',
  import: 'import',
};

/** `read 2.3s, plan 510ms, import 2.2s`: whether the directory or Bitwarden took the time. */
function phasesText(phases: RunPhases): string {
  const parts = RUN_PHASES.flatMap((phase) => {
    const milliseconds = phaseMs(phases, phase);
    return milliseconds === null ? [] : [`${PHASE_NAMES[phase]} ${duration(milliseconds)}`];
  });
  return parts.length === 0 ? '-' : parts.join(', ');
}

/** `850ms`, `12.4s`, `3m 05s`: enough to compare runs. */
export function duration(milliseconds: number): string {
  if (milliseconds < 1000) {
    return `${Math.round(milliseconds)}ms`;
  }
  if (milliseconds < 60_000) {
    return `${(milliseconds / 1000).toFixed(1)}s`;
  }
  const seconds = Math.round(milliseconds / 1000);
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}

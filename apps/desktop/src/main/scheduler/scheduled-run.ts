import type { RunTrigger, SyncReport } from '@bwdc/core';

/**
 * What one run of the scheduler came to. The Connector keeps the record of every run in the data
 * file's shared history (with desktop, `bwdc` and `bwdc serve` runs alike); this is only the
 * answer for whoever asked (Sync now) and the line for the log.
 */
export type ScheduledRun =
  | { readonly ok: true; readonly trigger: RunTrigger; readonly report: SyncReport }
  | { readonly ok: false; readonly trigger: RunTrigger; readonly error: unknown };

/** The codes of a sync a guard refused: nothing was sent, nothing broke. */
export const GUARD_REFUSAL_CODES: ReadonlySet<string> = new Set([
  'DELETION_GUARD_TRIPPED',
  'EMPTY_DIRECTORY_READ',
]);

export function errorCodeOf(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : null;
  }
  return null;
}

/** One line for the log: what the run did, or why it failed (messages never carry secrets). */
export function runSummary(run: ScheduledRun): {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
} {
  const what = run.trigger === 'schedule' ? 'Scheduled sync' : 'Sync';
  if (!run.ok) {
    const message = run.error instanceof Error ? run.error.message : String(run.error);
    return GUARD_REFUSAL_CODES.has(errorCodeOf(run.error) ?? '')
      ? { level: 'warn', message: `${what} refused: ${message}` }
      : { level: 'error', message: `${what} failed: ${message}` };
  }
  const { counts, mode, outcome } = run.report;
  switch (outcome) {
    case 'send':
      return {
        level: 'info',
        message: `${what} sent ${counts.users} users and ${counts.groups} groups to Bitwarden (${mode}).`,
      };
    case 'unchanged':
      return {
        level: 'info',
        message: `${what}: nothing changed since the last sync, nothing sent.`,
      };
    case 'empty':
      return {
        level: 'info',
        message: `${what}: the directory returned no users or groups, nothing sent.`,
      };
  }
}

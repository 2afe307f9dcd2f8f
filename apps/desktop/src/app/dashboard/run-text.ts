import type { RunRecordView } from '../../shared/status-view';
import type { Failure } from '../failure';
import {
  countOf,
  type DisplayFormat,
  formatCount,
  formatDateTime,
  formatDuration,
} from '../format/display-format';

type OkRun = Extract<RunRecordView, { status: 'ok' }>;

const OUTCOMES: Record<OkRun['outcome'], string> = {
  send: 'Sent',
  unchanged: 'No changes',
  empty: 'Empty directory',
};

const TRIGGERS: Record<RunRecordView['trigger'], string> = {
  schedule: 'Scheduled',
  manual: 'Sync now',
};

const MODES: Record<OkRun['mode'], string> = {
  full: 'Full',
  delta: 'Delta',
};

/** What Sync now tells when its run is over: what it did, or why it failed. */
export type SyncNowResult =
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'failed'; readonly failure: Failure };

export function syncNowResult(run: RunRecordView, format: DisplayFormat): SyncNowResult {
  if (run.status === 'error') {
    return { kind: 'failed', failure: { message: run.error.message, remedy: run.error.remedy } };
  }
  switch (run.outcome) {
    case 'send':
      return {
        kind: 'done',
        text: `Sent to Bitwarden: ${countOf(run.counts.users, 'user', format)}, ${countOf(run.counts.groups, 'group', format)}`,
      };
    case 'unchanged':
      return { kind: 'done', text: 'No changes since the last sync' };
    case 'empty':
      return { kind: 'done', text: 'The directory was empty: nothing sent' };
  }
}

/** One row of the run history, as text. Mode and counts are null for a failed run. */
export interface RunRow {
  readonly startedAt: string;
  readonly trigger: string;
  readonly duration: string;
  readonly outcome: string;
  readonly failed: boolean;
  readonly mode: string | null;
  readonly users: string | null;
  readonly groups: string | null;
  readonly failure: Failure | null;
}

export function runRow(run: RunRecordView, format: DisplayFormat): RunRow {
  const times = {
    startedAt: formatDateTime(run.startedAt, format),
    trigger: TRIGGERS[run.trigger],
    duration: formatDuration(run.startedAt, run.finishedAt, format),
  };
  if (run.status === 'error') {
    return {
      ...times,
      outcome: 'Failed',
      failed: true,
      mode: null,
      users: null,
      groups: null,
      failure: { message: run.error.message, remedy: run.error.remedy },
    };
  }
  const { enabledUsers, disabledUsers, deletedUsers, groups } = run.counts;
  return {
    ...times,
    outcome: OUTCOMES[run.outcome],
    failed: false,
    mode: MODES[run.mode],
    users: [
      `${formatCount(enabledUsers, format)} enabled`,
      `${formatCount(disabledUsers, format)} disabled`,
      `${formatCount(deletedUsers, format)} deleted`,
    ].join(', '),
    groups: formatCount(groups, format),
    failure: null,
  };
}

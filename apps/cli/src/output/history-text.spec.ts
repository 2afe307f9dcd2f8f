import { NO_RUN_PHASES, type RunCounts, type RunGuard, type RunRecord } from '@bwdc/core';

import { duration } from './history-text';
import { localIsoTime } from './local-time';
import { outputOptions } from './output-options';
import { renderResponse } from './render-response';
import type { HistoryData } from './response';

const COUNTS: RunCounts = {
  usersRead: 101,
  groupsRead: 3,
  dropped: 1,
  droppedByReason: { 'missing-email': 1 },
  membersSent: 100,
  groupsSent: 3,
  membersUnchanged: 0,
  groupsUnchanged: 0,
};
const GUARD: RunGuard = { reason: 'too-many-removals', removals: 30, limit: 10, overridden: true };
const SENT: RunRecord = {
  id: 'run-2',
  kind: 'sync',
  source: 'cli',
  trigger: 'manual',
  startedAt: '2026-11-26T06:20:00.000Z',
  finishedAt: '2026-11-26T06:20:01.500Z',
  durationMs: 1500,
  outcome: 'sent',
  mode: 'full',
  counts: COUNTS,
  batches: 1,
  phases: { readMs: 620, planMs: 85, organizationMs: 300, importMs: 495 },
  plannedRemovals: 30,
  guard: GUARD,
  error: null,
};
const REFUSED: RunRecord = {
  ...SENT,
  id: 'run-1',
  source: 'service',
  trigger: 'schedule',
  startedAt: '2026-11-26T06:10:00.000Z',
  durationMs: 420,
  outcome: 'refused',
  counts: { ...COUNTS, membersSent: 0, groupsSent: 0 },
  batches: 0,
  phases: { ...SENT.phases, importMs: null },
  guard: { ...GUARD, overridden: false },
  error: {
    code: 'DELETION_GUARD_TRIPPED',
    side: 'directory',
    message: 'The sync would remove 30 of 101 members. Would remove: a@example.com (unlisted), …',
    remedy: 'Run bwdc sync --force.',
  },
};
const FAILED: RunRecord = {
  ...SENT,
  id: 'run-0',
  kind: 'plan',
  startedAt: '2026-11-26T06:00:00.000Z',
  durationMs: 125_000,
  outcome: 'failed',
  counts: null,
  batches: 0,
  phases: NO_RUN_PHASES,
  plannedRemovals: null,
  guard: null,
  error: {
    code: 'LDAP_BIND_FAILED',
    side: 'directory',
    message: 'The directory refused the bind.',
    remedy: null,
  },
};

const render = (runs: readonly RunRecord[], flags: { response?: boolean } = {}) =>
  renderResponse(
    { success: true, data: { object: 'history', runs } satisfies HistoryData },
    outputOptions(flags, {}),
    { platform: 'linux', color: false },
  );

describe('bwdc history output', () => {
  it('prints one row a run, newest first, with counts, duration and what the guard did', () => {
    const lines = render([SENT, REFUSED, FAILED]).stdout.trimEnd().split('\n');

    expect(lines).toHaveLength(4);
    expect(lines[0]?.split(/ {2,}/)).toEqual([
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
    ]);
    expect(lines[1]?.split(/ {2,}/)).toEqual([
      localIsoTime(SENT.startedAt),
      'sync',
      'cli',
      'manual',
      'sent',
      '1.5s',
      'read 620ms, plan 85ms, org 300ms, import 495ms',
      '101',
      '1',
      '100',
      '3',
      '1',
      'deletion guard: 30 removal(s), limit 10, overridden',
    ]);
    expect(lines[2]?.split(/ {2,}/)).toEqual([
      localIsoTime(REFUSED.startedAt),
      'sync',
      'service',
      'schedule',
      'refused',
      '420ms',
      'read 620ms, plan 85ms, org 300ms',
      '101',
      '1',
      '0',
      '0',
      '0',
      // The guard's own error is named by its code, not its long message again.
      'deletion guard: 30 removal(s), limit 10 (DELETION_GUARD_TRIPPED)',
    ]);
    expect(lines[3]?.split(/ {2,}/)).toEqual([
      localIsoTime(FAILED.startedAt),
      'plan',
      'cli',
      'manual',
      'failed',
      '2m 05s',
      '-',
      '-',
      '-',
      '-',
      '-',
      '0',
      'LDAP_BIND_FAILED: The directory refused the bind.',
    ]);
  });

  it('gives the records as they are kept with --response', () => {
    const envelope = JSON.parse(render([SENT, REFUSED], { response: true }).stdout) as {
      success: boolean;
      data: HistoryData;
    };

    expect(envelope).toEqual({ success: true, data: { object: 'history', runs: [SENT, REFUSED] } });
  });

  it('says when nothing has run yet', () => {
    expect(render([]).stdout).toBe(
      'No runs recorded yet: bwdc test, plan and sync record theirs here.\n',
    );
  });
});

describe('localIsoTime', () => {
  it('writes the instant in local time with its offset', () => {
    expect(localIsoTime('2026-11-26T06:20:00.000Z', 60)).toBe('2026-11-26T07:20:00+01:00');
    expect(localIsoTime('2026-11-26T06:20:00.000Z', -330)).toBe('2026-11-26T00:50:00-05:30');
    expect(localIsoTime('2026-11-26T06:20:00.000Z', 0)).toBe('2026-11-26T06:20:00+00:00');
  });
});

describe('duration', () => {
  it.each([
    [850, '850ms'],
    [12_400, '12.4s'],
    [185_000, '3m 05s'],
  ])('%i ms reads %s', (milliseconds, text) => {
    expect(duration(milliseconds)).toBe(text);
  });
});

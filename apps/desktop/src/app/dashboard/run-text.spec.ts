import type { DisplayFormat } from '../format/display-format';
import { failedRun, refusedRun, runCounts, sentRun } from '../testing/run-record';
import { syncCounts, synced } from '../testing/sync-now-view';
import { runRow, syncNowText } from './run-text';

const FORMAT: DisplayFormat = { locale: 'en-GB', timeZone: 'UTC' };

describe('syncNowText', () => {
  it('counts what was sent, with thousands separators', () => {
    const view = synced({ counts: syncCounts({ enabledUsers: 1234, groups: 1 }) });

    expect(syncNowText(view, FORMAT)).toBe('Sent to Bitwarden: 1,234 users, 1 group');
  });

  it('says when nothing was sent, and why', () => {
    expect(syncNowText(synced({ outcome: 'unchanged' }), FORMAT)).toBe(
      'No changes since the last sync',
    );
    expect(syncNowText(synced({ outcome: 'empty' }), FORMAT)).toBe(
      'The directory was empty: nothing sent',
    );
  });
});

describe('runRow', () => {
  it('describes a Sync now from this app that sent an import', () => {
    const run = sentRun({ counts: runCounts({ usersRead: 1500, membersSent: 1499, dropped: 1 }) });

    expect(runRow(run, FORMAT)).toEqual({
      id: 'run-sent',
      startedAt: '15 Jan 2025, 10:30:00',
      run: 'Sync now',
      source: 'Desktop app',
      duration: '12s',
      timeSplit: 'Directory 4s, planning 1s, Bitwarden 6.5s',
      outcome: 'Sent',
      tone: 'ok',
      mode: 'Full',
      users: '1,500 read, 1,499 sent, 1 left out',
      groups: '5',
      problem: null,
    });
  });

  it.each([
    [{ kind: 'sync', source: 'cli', trigger: 'manual' }, 'Sync', 'bwdc'],
    [{ kind: 'sync', source: 'service', trigger: 'schedule' }, 'Scheduled sync', 'bwdc serve'],
    [{ kind: 'sync', source: 'desktop', trigger: 'schedule' }, 'Scheduled sync', 'Desktop app'],
    [{ kind: 'test', source: 'cli', trigger: 'manual' }, 'Test', 'bwdc'],
    [{ kind: 'plan', source: 'desktop', trigger: 'manual' }, 'Preview', 'Desktop app'],
  ] as const)('names %j as %s from %s', (fields, run, source) => {
    expect(runRow(sentRun(fields), FORMAT)).toMatchObject({ run, source });
  });

  it('adds reading the organization to Bitwarden’s share, and leaves out what did not run', () => {
    const plan = sentRun({
      kind: 'plan',
      phases: { readMs: 850, planMs: 40, organizationMs: 1200, importMs: null },
    });
    const early = sentRun({
      outcome: 'failed',
      phases: { readMs: null, planMs: null, organizationMs: null, importMs: null },
    });

    expect(runRow(plan, FORMAT).timeSplit).toBe('Directory 0.9s, planning 0s, Bitwarden 1.2s');
    expect(runRow(early, FORMAT).timeSplit).toBeNull();
  });

  it.each([
    ['unchanged', 'No changes'],
    ['empty', 'Empty directory'],
    ['read', 'Read'],
    ['planned', 'Previewed'],
  ] as const)('names the %s outcome %s', (outcome, text) => {
    expect(runRow(sentRun({ outcome }), FORMAT).outcome).toBe(text);
  });

  it('lists only what a test read, not what it would send', () => {
    const run = sentRun({ kind: 'test', outcome: 'read', counts: runCounts({ membersSent: 0 }) });

    expect(runRow(run, FORMAT).users).toBe('20 read');
  });

  it('describes a run refused by the deletion guard, with its numbers and remedy', () => {
    expect(runRow(refusedRun(), FORMAT)).toMatchObject({
      run: 'Scheduled sync',
      source: 'bwdc serve',
      outcome: 'Refused',
      tone: 'refused',
      mode: null,
      users: null,
      problem: {
        message: 'Refused by the deletion guard: would remove 16 members (limit 10).',
        remedy: 'Check the directory and the sync filters, or run bwdc sync --force.',
      },
    });
  });

  it('gives a refusal recorded without a remedy the guard’s own', () => {
    const run = refusedRun({
      guard: { reason: 'empty-read', removals: 0, limit: 0, overridden: false },
      error: null,
    });

    expect(runRow(run, FORMAT).problem).toEqual({
      message: 'Refused: the directory returned no users, where the last sync had some.',
      remedy: expect.stringContaining('If the directory really is empty now'),
    });
  });

  it('describes a failed run with its message and remedy, and no counts', () => {
    expect(runRow(failedRun(), FORMAT)).toEqual({
      id: 'run-failed',
      startedAt: '15 Jan 2025, 09:00:00',
      run: 'Scheduled sync',
      source: 'Desktop app',
      duration: '3s',
      timeSplit: null,
      outcome: 'Failed',
      tone: 'failed',
      mode: null,
      users: null,
      groups: null,
      problem: {
        message: 'The directory refused the bind.',
        remedy: 'Check the bind user and password in the directory settings.',
      },
    });
  });
});

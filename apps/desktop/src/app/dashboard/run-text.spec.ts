import { failedRun, okRun, syncCounts } from '../testing/run-record';
import type { DisplayFormat } from '../format/display-format';
import { runRow, syncNowResult } from './run-text';

const FORMAT: DisplayFormat = { locale: 'en-GB', timeZone: 'UTC' };

describe('syncNowResult', () => {
  it('counts what was sent, with thousands separators', () => {
    const run = okRun({ counts: syncCounts({ enabledUsers: 1200, deletedUsers: 34, groups: 1 }) });

    expect(syncNowResult(run, FORMAT)).toEqual({
      kind: 'done',
      text: 'Sent to Bitwarden: 1,234 users, 1 group',
    });
  });

  it('says when nothing was sent, and why', () => {
    expect(syncNowResult(okRun({ outcome: 'unchanged' }), FORMAT)).toEqual({
      kind: 'done',
      text: 'No changes since the last sync',
    });
    expect(syncNowResult(okRun({ outcome: 'empty' }), FORMAT)).toEqual({
      kind: 'done',
      text: 'The directory was empty: nothing sent',
    });
  });

  it('gives the message and remedy of a failed run', () => {
    expect(syncNowResult(failedRun(), FORMAT)).toEqual({
      kind: 'failed',
      failure: {
        message: 'The directory refused the bind.',
        remedy: 'Check the bind user and password in the directory settings.',
      },
    });
  });
});

describe('runRow', () => {
  it('describes a run that sent an import', () => {
    const run = okRun({
      trigger: 'schedule',
      mode: 'delta',
      counts: syncCounts({ enabledUsers: 1500, disabledUsers: 2, deletedUsers: 3, groups: 4 }),
    });

    expect(runRow(run, FORMAT)).toEqual({
      startedAt: '15 Jan 2025, 10:30:00',
      trigger: 'Scheduled',
      duration: '12s',
      outcome: 'Sent',
      failed: false,
      mode: 'Delta',
      users: '1,500 enabled, 2 disabled, 3 deleted',
      groups: '4',
      failure: null,
    });
  });

  it.each([
    ['unchanged', 'No changes'],
    ['empty', 'Empty directory'],
  ] as const)('names the %s outcome %s', (outcome, text) => {
    expect(runRow(okRun({ outcome }), FORMAT).outcome).toBe(text);
  });

  it('describes a failed run with its message and remedy, and no counts', () => {
    expect(runRow(failedRun({ trigger: 'manual' }), FORMAT)).toEqual({
      startedAt: '15 Jan 2025, 09:00:00',
      trigger: 'Sync now',
      duration: '3s',
      outcome: 'Failed',
      failed: true,
      mode: null,
      users: null,
      groups: null,
      failure: {
        message: 'The directory refused the bind.',
        remedy: 'Check the bind user and password in the directory settings.',
      },
    });
  });
});

import type { ComponentFixture } from '@angular/core/testing';

import type { RunRecordView } from '../../../shared/status-view';
import { textOf } from '../../testing/dom';
import { FakeConnector } from '../../testing/fake-connector';
import { renderScreen } from '../../testing/render-screen';
import { failedRun, okRun, syncCounts } from '../../testing/run-record';
import { loggedInStatus, scheduleView } from '../../testing/status-view';
import { RunHistoryComponent } from './run-history.component';

describe('RunHistoryComponent', () => {
  async function render(
    history: readonly RunRecordView[],
  ): Promise<ComponentFixture<RunHistoryComponent>> {
    const connector = new FakeConnector();
    connector.statusAnswer = loggedInStatus({ schedule: scheduleView({ history }) });
    return renderScreen(RunHistoryComponent, connector);
  }

  const cells = (fixture: ComponentFixture<unknown>, row: number): string[] =>
    Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll(`tr.run:nth-child(${row}) td`),
      (cell) => (cell.textContent ?? '').trim().replace(/\s+/g, ' '),
    );

  it('says so when nothing has synced yet', async () => {
    const fixture = await render([]);

    expect(textOf(fixture, '.no-runs')).toBe('No syncs yet.');
    expect(textOf(fixture, 'table.run-history')).toBeNull();
  });

  it('lists runs newest first, as main keeps them', async () => {
    const fixture = await render([
      okRun({
        trigger: 'manual',
        mode: 'full',
        counts: syncCounts({ enabledUsers: 1500, disabledUsers: 2, deletedUsers: 3, groups: 4 }),
      }),
      okRun({
        trigger: 'schedule',
        outcome: 'unchanged',
        mode: 'delta',
        startedAt: '2025-01-15T10:15:00.000Z',
        finishedAt: '2025-01-15T10:17:05.000Z',
      }),
      failedRun(),
    ]);

    expect(fixture.nativeElement.querySelectorAll('tr.run')).toHaveLength(3);
    expect(cells(fixture, 1)).toEqual([
      '15 Jan 2025, 10:30:00',
      'Sync now',
      '12s',
      'Sent',
      'Full',
      '1,500 enabled, 2 disabled, 3 deleted',
      '4',
    ]);
    expect(cells(fixture, 2)).toEqual([
      '15 Jan 2025, 10:15:00',
      'Scheduled',
      '2m 5s',
      'No changes',
      'Delta',
      '20 enabled, 0 disabled, 0 deleted',
      '5',
    ]);
  });

  it('gives a failed run its message and remedy in place of counts', async () => {
    const fixture = await render([failedRun(), okRun({ outcome: 'empty' })]);

    expect(textOf(fixture, 'tr.run:nth-child(1) .run-outcome')).toBe('Failed');
    expect(textOf(fixture, 'tr.run:nth-child(1) .run-trigger')).toBe('Scheduled');
    expect(textOf(fixture, 'tr.run:nth-child(1) .failure-message')).toBe(
      'The directory refused the bind.',
    );
    expect(textOf(fixture, 'tr.run:nth-child(1) .failure-remedy')).toBe(
      'Check the bind user and password in the directory settings.',
    );
    expect(textOf(fixture, 'tr.run:nth-child(1) .run-users')).toBeNull();
    expect(textOf(fixture, 'tr.run:nth-child(2) .run-outcome')).toBe('Empty directory');
  });

  it('shows the message alone when a failed run has no remedy', async () => {
    const fixture = await render([
      failedRun({ error: { message: 'Socket hang up.', code: 'ECONNRESET', remedy: null } }),
    ]);

    expect(textOf(fixture, '.failure-message')).toBe('Socket hang up.');
    expect(textOf(fixture, '.failure-remedy')).toBeNull();
  });
});

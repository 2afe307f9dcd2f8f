import type { ComponentFixture } from '@angular/core/testing';
import type { RunRecord } from '@bwdc/core';

import { settle, textOf } from '../../testing/dom';
import { FakeConnector } from '../../testing/fake-connector';
import { renderScreen } from '../../testing/render-screen';
import { failedRun, refusedRun, runCounts, sentRun } from '../../testing/run-record';
import { loggedInStatus } from '../../testing/status-view';
import { RunHistoryComponent } from './run-history.component';

describe('RunHistoryComponent', () => {
  let connector: FakeConnector;

  async function render(
    history: readonly RunRecord[],
  ): Promise<ComponentFixture<RunHistoryComponent>> {
    connector = new FakeConnector();
    connector.statusAnswer = loggedInStatus({ history });
    return renderScreen(RunHistoryComponent, connector);
  }

  const cells = (fixture: ComponentFixture<unknown>, row: number): string[] =>
    Array.from(
      (fixture.nativeElement as HTMLElement).querySelectorAll(`tr.run:nth-child(${row}) td`),
      (cell) => (cell.textContent ?? '').trim().replace(/\s+/g, ' '),
    );

  it('says so when nothing has run yet', async () => {
    const fixture = await render([]);

    expect(textOf(fixture, '.no-runs')).toBe('No runs yet.');
    expect(textOf(fixture, 'table.run-history')).toBeNull();
  });

  it('lists the shared history newest first, with where each run came from', async () => {
    const fixture = await render([
      sentRun({ id: 'a' }),
      sentRun({
        id: 'b',
        source: 'cli',
        outcome: 'unchanged',
        mode: 'delta',
        startedAt: '2025-01-15T10:15:00.000Z',
        finishedAt: '2025-01-15T10:17:05.000Z',
        counts: runCounts({ membersSent: 0, groupsSent: 0 }),
        phases: { readMs: 120_000, planMs: 4_000, organizationMs: null, importMs: null },
      }),
      sentRun({
        id: 'c',
        kind: 'test',
        source: 'cli',
        outcome: 'read',
        mode: 'full',
        phases: { readMs: 9_000, planMs: 500, organizationMs: null, importMs: null },
      }),
    ]);

    expect(fixture.nativeElement.querySelectorAll('tr.run')).toHaveLength(3);
    expect(cells(fixture, 1)).toEqual([
      '15 Jan 2025, 10:30:00',
      'Sync now',
      'Desktop app',
      '12s Directory 4s, planning 1s, Bitwarden 6.5s',
      'Sent',
      'Full',
      '20 read, 20 sent',
      '5',
    ]);
    expect(cells(fixture, 2)).toEqual([
      '15 Jan 2025, 10:15:00',
      'Sync',
      'bwdc',
      '2m 5s Directory 2m 0s, planning 4s',
      'No changes',
      'Delta',
      '20 read, 0 sent',
      '5',
    ]);
    expect(cells(fixture, 3).slice(1, 5)).toEqual([
      'Test',
      'bwdc',
      '12s Directory 9s, planning 0.5s',
      'Read',
    ]);
  });

  it('shows a scheduled run the deletion guard refused, with the numbers and the remedy', async () => {
    const fixture = await render([refusedRun()]);

    expect(textOf(fixture, 'tr.run.refused .run-source')).toBe('bwdc serve');
    expect(textOf(fixture, 'tr.run .run-trigger')).toBe('Scheduled sync');
    expect(textOf(fixture, 'tr.run .run-outcome')).toBe('Refused');
    expect(textOf(fixture, 'tr.run .failure-message')).toBe(
      'Refused by the deletion guard: would remove 16 members (limit 10).',
    );
    expect(textOf(fixture, 'tr.run .failure-remedy')).toBe(
      'Check the directory and the sync filters, or run bwdc sync --force.',
    );
    expect(textOf(fixture, 'tr.run .run-users')).toBeNull();
  });

  it('gives a failed run its message and remedy in place of counts', async () => {
    const fixture = await render([failedRun(), sentRun({ outcome: 'empty' })]);

    expect(textOf(fixture, 'tr.run:nth-child(1).failed .run-outcome')).toBe('Failed');
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
      failedRun({
        error: { message: 'Socket hang up.', code: 'ECONNRESET', side: 'bitwarden', remedy: null },
      }),
    ]);

    expect(textOf(fixture, '.failure-message')).toBe('Socket hang up.');
    expect(textOf(fixture, '.failure-remedy')).toBeNull();
  });

  it('shows a run another process recorded once main announces the change', async () => {
    const fixture = await render([sentRun({ id: 'a' })]);

    connector.statusAnswer = loggedInStatus({
      history: [sentRun({ id: 'b', kind: 'test', source: 'cli', outcome: 'read' }), sentRun()],
    });
    connector.emit({ type: 'status-changed' });
    await settle(fixture);

    expect(fixture.nativeElement.querySelectorAll('tr.run')).toHaveLength(2);
    expect(textOf(fixture, 'tr.run:nth-child(1) .run-source')).toBe('bwdc');
  });
});

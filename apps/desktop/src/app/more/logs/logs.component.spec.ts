import type { ComponentFixture } from '@angular/core/testing';

import type { LogLine } from '../../../shared/connector-bridge';
import { ConnectorCallError } from '../../../shared/connector-client';
import { click, textOf } from '../../testing/dom';
import { FakeConnector } from '../../testing/fake-connector';
import { renderScreen } from '../../testing/render-screen';
import { choose } from '../../testing/select';
import { loggedInStatus } from '../../testing/status-view';
import { LogsComponent } from './logs.component';

const LINES: readonly LogLine[] = [
  { at: '2025-01-15T10:30:00.000Z', level: 'debug', message: 'Reading page 1.' },
  { at: '2025-01-15T10:30:01.000Z', level: 'info', message: 'Sync started.' },
  { at: '2025-01-15T10:30:02.000Z', level: 'warn', message: 'A user has no email.' },
  { at: '2025-01-15T10:30:03.000Z', level: 'error', message: 'The import was refused.' },
];

describe('LogsComponent', () => {
  let logsAnswer: () => Promise<readonly LogLine[]>;
  let connector: FakeConnector & { logs: jest.Mock<Promise<readonly LogLine[]>> };
  let fixture: ComponentFixture<LogsComponent>;

  beforeEach(async () => {
    logsAnswer = () => Promise.resolve(LINES);
    connector = Object.assign(new FakeConnector(), { logs: jest.fn(() => logsAnswer()) });
    connector.statusAnswer = loggedInStatus();
    fixture = await renderScreen(LogsComponent, connector);
  });

  const rows = (): string[] =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('li.log-line'), (line) =>
      Array.from(line.children, (part) => (part.textContent ?? '').trim()).join(' | '),
    );

  it('lists main’s log when opened, with time, level and message, newest last', () => {
    expect(textOf(fixture, 'section.logs h2')).toBe('Logs');
    expect(rows()).toEqual([
      '15 Jan 2025, 10:30:00 | Debug | Reading page 1.',
      '15 Jan 2025, 10:30:01 | Info | Sync started.',
      '15 Jan 2025, 10:30:02 | Warning | A user has no email.',
      '15 Jan 2025, 10:30:03 | Error | The import was refused.',
    ]);
  });

  it('filters by level', async () => {
    await choose(fixture, 'select#log-level', 'info');
    expect(rows().map((row) => row.split(' | ')[1])).toEqual(['Info', 'Warning', 'Error']);

    await choose(fixture, 'select#log-level', 'warn');
    expect(rows().map((row) => row.split(' | ')[1])).toEqual(['Warning', 'Error']);

    await choose(fixture, 'select#log-level', 'all');
    expect(rows()).toHaveLength(4);
  });

  it('reads the log again on Refresh, keeping the filter', async () => {
    await choose(fixture, 'select#log-level', 'warn');
    logsAnswer = () =>
      Promise.resolve([
        ...LINES,
        { at: '2025-01-15T10:31:00.000Z', level: 'warn', message: 'Retrying the import.' },
      ]);

    await click(fixture, 'button.refresh-logs');

    expect(connector.logs).toHaveBeenCalledTimes(2);
    expect(rows().at(-1)).toBe('15 Jan 2025, 10:31:00 | Warning | Retrying the import.');
    expect(rows()).toHaveLength(3);
  });

  it('says when nothing is logged, or nothing at the level chosen', async () => {
    logsAnswer = () => Promise.resolve(LINES.slice(0, 2));
    await click(fixture, 'button.refresh-logs');
    await choose(fixture, 'select#log-level', 'warn');
    expect(textOf(fixture, '.no-log-lines')).toBe('Nothing logged at this level.');

    logsAnswer = () => Promise.resolve([]);
    await click(fixture, 'button.refresh-logs');
    expect(textOf(fixture, '.no-log-lines')).toBe('Nothing logged yet.');
  });

  it('shows why the log could not be read, keeping the lines read before', async () => {
    logsAnswer = () =>
      Promise.reject(
        new ConnectorCallError({
          message: 'Main did not answer.',
          remedy: 'Restart the app.',
          code: null,
          side: null,
        }),
      );

    await click(fixture, 'button.refresh-logs');

    expect(textOf(fixture, '.failure-message')).toBe('Main did not answer.');
    expect(textOf(fixture, '.failure-remedy')).toBe('Restart the app.');
    expect(rows()).toHaveLength(4);
  });
});

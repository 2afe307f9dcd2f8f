import { scheduleView } from '../testing/status-view';
import type { DisplayFormat } from '../format/display-format';
import { intervalText, lastSyncText, nextSyncText, scheduleStateText } from './schedule-text';

const FORMAT: DisplayFormat = { locale: 'en-GB', timeZone: 'UTC' };

describe('lastSyncText', () => {
  it('says Never before the first sync, and the local time after', () => {
    expect(lastSyncText(null, FORMAT)).toBe('Never');
    expect(lastSyncText('2025-01-15T10:30:05.000Z', FORMAT)).toBe('15 Jan 2025, 10:30:05');
  });
});

describe('scheduleStateText', () => {
  it.each([
    [scheduleView({ running: true }), 'Running'],
    [scheduleView({ running: false, stoppedReason: null }), 'Stopped'],
    [scheduleView({ running: false, stoppedReason: 'user' }), 'Stopped'],
    [
      scheduleView({ running: false, stoppedReason: 'interval-off', intervalMinutes: null }),
      'Stopped: the sync interval was turned off in the settings',
    ],
    [
      scheduleView({ running: true, intervalMinutes: null }),
      'Running, but the sync interval was turned off in the settings: it stops at the next sync time',
    ],
  ])('%j: %s', (schedule, text) => {
    expect(scheduleStateText(schedule)).toBe(text);
  });
});

describe('nextSyncText', () => {
  it('is null while stopped', () => {
    expect(nextSyncText(scheduleView({ nextRunAt: null }), FORMAT)).toBeNull();
  });

  it('tells the next run time while running', () => {
    expect(
      nextSyncText(scheduleView({ running: true, nextRunAt: '2025-01-15T10:35:00.000Z' }), FORMAT),
    ).toBe('15 Jan 2025, 10:35:00');
  });

  it('does not show a time the run under way will move', () => {
    expect(
      nextSyncText(
        scheduleView({ running: true, syncing: true, nextRunAt: '2025-01-15T10:35:00.000Z' }),
        FORMAT,
      ),
    ).toBe('One interval after the sync under way');
  });
});

describe('intervalText', () => {
  it.each([
    [null, 'Interval off'],
    [1, 'Every minute'],
    [5, 'Every 5 minutes'],
    [1440, 'Every 1,440 minutes'],
  ])('%j: %s', (minutes, text) => {
    expect(intervalText(minutes, FORMAT)).toBe(text);
  });
});

import type { ComponentFixture } from '@angular/core/testing';

import type { StatusView } from '../../shared/status-view';
import { settle, textOf } from '../testing/dom';
import { FakeConnector } from '../testing/fake-connector';
import { renderScreen } from '../testing/render-screen';
import { loggedInStatus, scheduleView } from '../testing/status-view';
import { SyncStatusComponent } from './sync-status.component';

describe('SyncStatusComponent', () => {
  let connector: FakeConnector;

  beforeEach(() => {
    connector = new FakeConnector();
  });

  async function render(status: StatusView): Promise<ComponentFixture<SyncStatusComponent>> {
    connector.statusAnswer = status;
    return renderScreen(SyncStatusComponent, connector);
  }

  it('says Never before the first sync, and that interval syncs are stopped', async () => {
    const fixture = await render(loggedInStatus());

    expect(textOf(fixture, '.last-user-sync')).toBe('Never');
    expect(textOf(fixture, '.last-group-sync')).toBe('Never');
    expect(textOf(fixture, '.schedule-state')).toBe('Stopped');
    expect(textOf(fixture, '.next-sync')).toBeNull();
    expect(textOf(fixture, '.sync-interval')).toBe('Every 5 minutes');
  });

  it('shows the last syncs and the next run in local time while running', async () => {
    const fixture = await render(
      loggedInStatus({
        lastUserSync: '2025-01-15T10:30:05.000Z',
        lastGroupSync: '2025-01-14T08:00:00.000Z',
        schedule: scheduleView({
          running: true,
          nextRunAt: '2025-01-15T10:45:05.000Z',
          intervalMinutes: 15,
        }),
      }),
    );

    expect(textOf(fixture, '.last-user-sync')).toBe('15 Jan 2025, 10:30:05');
    expect(textOf(fixture, '.last-group-sync')).toBe('14 Jan 2025, 08:00:00');
    expect(textOf(fixture, '.schedule-state')).toBe('Running');
    expect(textOf(fixture, '.next-sync')).toBe('15 Jan 2025, 10:45:05');
    expect(textOf(fixture, '.sync-interval')).toBe('Every 15 minutes');
  });

  it('says the schedule stopped because the interval was turned off', async () => {
    const fixture = await render(
      loggedInStatus({
        schedule: scheduleView({ stoppedReason: 'interval-off', intervalMinutes: null }),
      }),
    );

    expect(textOf(fixture, '.schedule-state')).toBe(
      'Stopped: the sync interval was turned off in the settings',
    );
    expect(textOf(fixture, '.sync-interval')).toBe('Interval off');
    expect(textOf(fixture, '.next-sync')).toBeNull();
  });

  it('follows main when the status changes (a scheduled run, bwdc)', async () => {
    const fixture = await render(loggedInStatus());

    connector.statusAnswer = loggedInStatus({ lastUserSync: '2025-01-15T10:30:05.000Z' });
    connector.emit({ type: 'status-changed' });
    await settle(fixture);

    expect(textOf(fixture, '.last-user-sync')).toBe('15 Jan 2025, 10:30:05');
  });
});

import type { ComponentFixture } from '@angular/core/testing';

import type { ConnectorBridge } from '../../shared/connector-bridge';
import type { ScheduleView, StatusView } from '../../shared/status-view';
import type { SyncNowView } from '../../shared/sync-now-view';
import { ConnectorCallError } from '../../shared/connector-client';
import { click, find, settle, textOf } from '../testing/dom';
import { deferred, FakeConnector } from '../testing/fake-connector';
import { renderScreen } from '../testing/render-screen';
import { loggedInStatus, scheduleView } from '../testing/status-view';
import { emptyRead, syncCounts, synced, tooManyRemovals } from '../testing/sync-now-view';
import { SyncControlsComponent } from './sync-controls.component';

const INTERVAL_OFF = new ConnectorCallError({
  message: 'Scheduled syncing is off: the sync interval is not set.',
  remedy: 'Set the sync interval (in minutes, at least 5) in the settings, then start syncing.',
  code: 'SYNC_INTERVAL_OFF',
  side: 'configuration',
});

/** The fake, with main's schedule: Start and Stop change the status as main's do. */
function scheduleConnector(status: StatusView) {
  const connector = new FakeConnector();
  connector.statusAnswer = status;
  const setSchedule = (fields: Partial<ScheduleView>): ScheduleView => {
    const schedule = { ...connector.statusAnswer.schedule, ...fields };
    connector.statusAnswer = { ...connector.statusAnswer, schedule };
    return schedule;
  };
  return Object.assign(connector, {
    startSchedule: jest.fn(() =>
      Promise.resolve(setSchedule({ running: true, nextRunAt: '2025-01-15T10:35:00.000Z' })),
    ),
    stopSchedule: jest.fn(() =>
      Promise.resolve(setSchedule({ running: false, nextRunAt: null, stoppedReason: 'user' })),
    ),
    syncNow: jest.fn<Promise<SyncNowView>, Parameters<ConnectorBridge['syncNow']>>(() =>
      Promise.resolve(synced()),
    ),
  });
}

describe('SyncControlsComponent', () => {
  let connector: ReturnType<typeof scheduleConnector>;
  let fixture: ComponentFixture<SyncControlsComponent>;

  async function render(status: StatusView): Promise<void> {
    connector = scheduleConnector(status);
    fixture = await renderScreen(SyncControlsComponent, connector);
  }

  const button = (name: 'start-sync' | 'stop-sync' | 'sync-now'): HTMLButtonElement =>
    find(fixture, `button.${name}`);

  describe('Start and Stop', () => {
    it('offers Start while stopped, and starts interval syncs', async () => {
      await render(loggedInStatus());
      expect(button('start-sync').disabled).toBe(false);
      expect(button('stop-sync').disabled).toBe(true);

      await click(fixture, 'button.start-sync');

      expect(connector.startSchedule).toHaveBeenCalledTimes(1);
      expect(button('start-sync').disabled).toBe(true);
      expect(button('stop-sync').disabled).toBe(false);
    });

    it('offers Stop while running, and stops interval syncs', async () => {
      await render(loggedInStatus({ schedule: scheduleView({ running: true }) }));
      expect(button('start-sync').disabled).toBe(true);

      await click(fixture, 'button.stop-sync');

      expect(connector.stopSchedule).toHaveBeenCalledTimes(1);
      expect(button('start-sync').disabled).toBe(false);
      expect(button('stop-sync').disabled).toBe(true);
    });

    it('starts once however often it is clicked while main works', async () => {
      await render(loggedInStatus());
      const answer = deferred<ScheduleView>();
      connector.startSchedule.mockReturnValueOnce(answer.promise);

      button('start-sync').click();
      fixture.detectChanges();
      expect(button('start-sync').disabled).toBe(true);
      expect(button('stop-sync').disabled).toBe(true);
      await fixture.componentInstance.start();

      answer.resolve(scheduleView({ running: true }));
      await fixture.whenStable();
      expect(connector.startSchedule).toHaveBeenCalledTimes(1);
    });

    it('shows why Start failed and what to do, until the next try', async () => {
      await render(loggedInStatus({ schedule: scheduleView({ intervalMinutes: null }) }));
      connector.startSchedule.mockRejectedValueOnce(INTERVAL_OFF);

      await click(fixture, 'button.start-sync');

      expect(textOf(fixture, '.schedule-failure .failure-message')).toBe(
        'Scheduled syncing is off: the sync interval is not set.',
      );
      expect(textOf(fixture, '.schedule-failure .failure-remedy')).toBe(
        'Set the sync interval (in minutes, at least 5) in the settings, then start syncing.',
      );
      expect(button('start-sync').disabled).toBe(false);

      await click(fixture, 'button.start-sync');
      expect(textOf(fixture, '.schedule-failure')).toBeNull();
    });

    it('shows why Stop failed', async () => {
      await render(loggedInStatus({ schedule: scheduleView({ running: true }) }));
      connector.stopSchedule.mockRejectedValueOnce(new Error('The data file is locked.'));

      await click(fixture, 'button.stop-sync');

      expect(textOf(fixture, '.schedule-failure .failure-message')).toBe(
        'The data file is locked.',
      );
      expect(textOf(fixture, '.schedule-failure .failure-remedy')).toBeNull();
      expect(button('stop-sync').disabled).toBe(false);
    });
  });

  describe('Sync now', () => {
    it('syncs, tells what was sent and reads the status again', async () => {
      await render(loggedInStatus());
      const status = jest.spyOn(connector, 'status');

      await click(fixture, 'button.sync-now');

      expect(connector.syncNow.mock.calls).toEqual([[{ force: false }]]);
      expect(textOf(fixture, '.sync-result')).toBe('Sent to Bitwarden: 20 users, 5 groups');
      expect(status).toHaveBeenCalled();
    });

    it.each([
      [synced({ outcome: 'unchanged' }), 'No changes since the last sync'],
      [synced({ outcome: 'empty' }), 'The directory was empty: nothing sent'],
      [
        synced({ counts: syncCounts({ enabledUsers: 12345, groups: 1 }) }),
        'Sent to Bitwarden: 12,345 users, 1 group',
      ],
    ])('tells what the sync came to: %#', async (run, text) => {
      await render(loggedInStatus());
      connector.syncNow.mockResolvedValueOnce(run);

      await click(fixture, 'button.sync-now');

      expect(textOf(fixture, '.sync-result')).toBe(text);
    });

    it('is busy while main syncs, and syncs once', async () => {
      await render(loggedInStatus());
      const answer = deferred<SyncNowView>();
      connector.syncNow.mockReturnValueOnce(answer.promise);

      // Not `click`: its `whenStable` would wait for this very sync.
      button('sync-now').click();
      fixture.detectChanges();
      expect(button('sync-now').disabled).toBe(true);
      expect(button('sync-now').textContent?.trim()).toBe('Syncing…');
      await fixture.componentInstance.syncNow();
      expect(connector.syncNow).toHaveBeenCalledTimes(1);

      answer.resolve(synced());
      await fixture.whenStable();
      expect(button('sync-now').disabled).toBe(false);
      expect(button('sync-now').textContent?.trim()).toBe('Sync now');
    });

    it('is busy while main runs a sync of its own (a scheduled one)', async () => {
      await render(loggedInStatus({ schedule: scheduleView({ running: true, syncing: true }) }));

      expect(button('sync-now').disabled).toBe(true);
      expect(button('sync-now').textContent?.trim()).toBe('Syncing…');

      connector.statusAnswer = loggedInStatus({ schedule: scheduleView({ running: true }) });
      connector.emit({ type: 'status-changed' });
      await settle(fixture);
      expect(button('sync-now').disabled).toBe(false);
    });

    it('shows the message and remedy of a failed sync', async () => {
      await render(loggedInStatus());
      connector.syncNow.mockRejectedValueOnce(
        new ConnectorCallError({
          message: 'The directory refused the bind.',
          remedy: 'Check the bind user and password in the directory settings.',
          code: 'DIRECTORY_AUTH',
          side: 'directory',
        }),
      );

      await click(fixture, 'button.sync-now');

      expect(textOf(fixture, '.sync-result .failure-message')).toBe(
        'The directory refused the bind.',
      );
      expect(textOf(fixture, '.sync-result .failure-remedy')).toBe(
        'Check the bind user and password in the directory settings.',
      );
      expect(find(fixture, '.sync-result [role="alert"]')).toBeTruthy();
    });

    it('shows a call that failed on the way, then the next result in its place', async () => {
      await render(loggedInStatus());
      connector.syncNow.mockRejectedValueOnce(new Error('The connection to main was lost.'));

      await click(fixture, 'button.sync-now');
      expect(textOf(fixture, '.sync-result .failure-message')).toBe(
        'The connection to main was lost.',
      );
      expect(textOf(fixture, '.sync-result .failure-remedy')).toBeNull();

      await click(fixture, 'button.sync-now');
      expect(textOf(fixture, '.sync-result')).toBe('Sent to Bitwarden: 20 users, 5 groups');
    });
  });

  describe('the deletion guard', () => {
    const texts = (selector: string): string[] =>
      Array.from((fixture.nativeElement as HTMLElement).querySelectorAll(selector), (element) =>
        (element.textContent ?? '').trim().replace(/\s+/g, ' '),
      );

    async function refuse(view: SyncNowView): Promise<void> {
      await render(loggedInStatus());
      connector.syncNow.mockResolvedValueOnce(view);
      await click(fixture, 'button.sync-now');
    }

    it('lists who the refused sync would remove, and asks to confirm', async () => {
      await refuse(tooManyRemovals(16));

      expect(textOf(fixture, '.guard-headline')).toBe(
        'Sync now was refused by the deletion guard: it would remove 16 of 40 members (limit 10). Nothing was sent.',
      );
      expect(texts('.guard-removal .email')).toHaveLength(16);
      expect(texts('.guard-removal .email')[0]).toBe('gone0@example.com');
      expect(texts('.guard-removal .why')[0]).toBe('Deleted in the directory');
      expect(texts('.guard-removal .why')[1]).toBe(
        'No longer in the directory, or outside the filters (overwrite is on)',
      );
      expect(textOf(fixture, 'button.confirm-force-sync')).toBe('Remove 16 members and sync');
      expect(textOf(fixture, 'button.cancel-force-sync')).toBe('Cancel');
      expect(textOf(fixture, '.sync-result')).toBeNull();
    });

    it('syncs with force once confirmed, and shows what was sent', async () => {
      await refuse(tooManyRemovals(16));

      await click(fixture, 'button.confirm-force-sync');

      expect(connector.syncNow.mock.calls).toEqual([[{ force: false }], [{ force: true }]]);
      expect(textOf(fixture, '.sync-result')).toBe('Sent to Bitwarden: 20 users, 5 groups');
      expect(textOf(fixture, '.guard-refusal')).toBeNull();
    });

    it('sends nothing when cancelled, and says so', async () => {
      await refuse(tooManyRemovals(16));

      await click(fixture, 'button.cancel-force-sync');

      expect(connector.syncNow.mock.calls).toEqual([[{ force: false }]]);
      expect(textOf(fixture, '.guard-refusal')).toBeNull();
      expect(textOf(fixture, '.sync-result')).toBe('Sync cancelled: nothing was sent.');
    });

    it('lists the first 200 of a large deletion and counts the rest', async () => {
      await refuse(tooManyRemovals(250));

      expect(texts('.guard-removal')).toHaveLength(200);
      expect(textOf(fixture, '.guard-more')).toBe('and 50 more (Preview changes lists them all).');
      expect(textOf(fixture, 'button.confirm-force-sync')).toBe('Remove 250 members and sync');
    });

    it('asks before syncing a directory that came back empty', async () => {
      await refuse(emptyRead(20));

      expect(textOf(fixture, '.guard-headline')).toBe(
        'Sync now was refused: the directory returned no users, where the last sync had 20 users. Nothing was sent.',
      );
      expect(texts('.guard-removal')).toEqual([]);

      await click(fixture, 'button.confirm-force-sync');
      expect(connector.syncNow.mock.calls).toEqual([[{ force: false }], [{ force: true }]]);
    });
  });
});

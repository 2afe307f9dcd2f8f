import type { ScheduleView } from '../../shared/status-view';
import { type DisplayFormat, formatCount, formatDateTime } from '../format/display-format';

/** When users or groups were last synced, or "Never". */
export function lastSyncText(iso: string | null, format: DisplayFormat): string {
  return iso === null ? 'Never' : formatDateTime(iso, format);
}

/**
 * Whether interval syncs are on. Upstream kept saying "Running" after the interval was emptied;
 * here the state says why it stopped, or that it is about to.
 */
export function scheduleStateText(schedule: ScheduleView): string {
  if (schedule.running) {
    return schedule.intervalMinutes === null
      ? 'Running, but the sync interval was turned off in the settings: it stops at the next sync time'
      : 'Running';
  }
  return schedule.stoppedReason === 'interval-off'
    ? 'Stopped: the sync interval was turned off in the settings'
    : 'Stopped';
}

/** When the next interval sync runs; null while the schedule is stopped. */
export function nextSyncText(schedule: ScheduleView, format: DisplayFormat): string | null {
  if (!schedule.running) {
    return null;
  }
  if (schedule.syncing) {
    // The scheduler sets the next time once the run under way is recorded.
    return 'One interval after the sync under way';
  }
  return schedule.nextRunAt === null ? 'Not set' : formatDateTime(schedule.nextRunAt, format);
}

export function intervalText(minutes: number | null, format: DisplayFormat): string {
  if (minutes === null) {
    return 'Interval off';
  }
  return minutes === 1 ? 'Every minute' : `Every ${formatCount(minutes, format)} minutes`;
}

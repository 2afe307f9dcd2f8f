import type { ScheduleView, StatusView } from '../../shared/status-view';
import { ORGANIZATION_ID } from './organization';

/** A schedule that is off and has never run, with the fields given. */
export function scheduleView(fields: Partial<ScheduleView> = {}): ScheduleView {
  return {
    running: false,
    syncing: false,
    nextRunAt: null,
    stoppedReason: null,
    intervalMinutes: 5,
    ...fields,
  };
}

/** Main's status for a logged-out app on the US cloud, with the fields given. */
export function statusView(fields: Partial<StatusView> = {}): StatusView {
  return {
    version: '1.2.3',
    dataFilePath: '/home/admin/.config/Bitwarden Directory Connector/data.json',
    loggedIn: false,
    organizationId: null,
    server: null,
    profile: 'default',
    profiles: ['default'],
    directoryType: null,
    lastUserSync: null,
    lastGroupSync: null,
    schedule: scheduleView(),
    history: [],
    ...fields,
  };
}

/** The same, logged in to the fake's organization. */
export function loggedInStatus(fields: Partial<StatusView> = {}): StatusView {
  return statusView({ loggedIn: true, organizationId: ORGANIZATION_ID, ...fields });
}

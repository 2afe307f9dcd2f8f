import type { ConnectorBridge } from './connector-bridge';

/**
 * The one map from bridge method to IPC channel, shared by main and preload. `satisfies` makes a
 * missing or extra method a compile error, so main, preload and renderer cannot drift.
 */
export const CONNECTOR_CHANNELS = {
  login: 'connector:login',
  logout: 'connector:logout',
  isLoggedIn: 'connector:is-logged-in',
  setServer: 'connector:set-server',
  status: 'connector:status',
  test: 'connector:test',
  planSync: 'connector:plan-sync',
  syncNow: 'connector:sync-now',
  lastSync: 'connector:last-sync',
  clearCache: 'connector:clear-cache',
  startSchedule: 'connector:start-schedule',
  stopSchedule: 'connector:stop-schedule',
  settings: 'connector:settings',
  saveSettings: 'connector:save-settings',
  switchProfile: 'connector:switch-profile',
  addProfile: 'connector:add-profile',
  removeProfile: 'connector:remove-profile',
  events: 'connector:events',
  logs: 'connector:logs',
  showDataFile: 'connector:show-data-file',
  pickFile: 'connector:pick-file',
  readServiceAccountKey: 'connector:read-service-account-key',
} as const satisfies Record<keyof ConnectorBridge, `connector:${string}`>;

export type ConnectorMethod = keyof typeof CONNECTOR_CHANNELS;

export const CONNECTOR_METHODS = Object.keys(CONNECTOR_CHANNELS) as ConnectorMethod[];

/** What every channel answers: the value, or the error as data (Electron keeps only messages). */
export type BridgeResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BridgeError };

export interface BridgeError {
  readonly message: string;
  readonly remedy: string | null;
  readonly code: string | null;
  readonly side: string | null;
}

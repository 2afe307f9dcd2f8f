import { ConfigurationError } from '@bwdc/core';

import type { ConnectorBridge } from '../../../shared/connector-bridge';

/** A bridge that records each call and answers fixed values; `test` fails as a logged-out one. */
export function recordingBridge(): { bridge: ConnectorBridge; calls: [string, unknown[]][] } {
  const calls: [string, unknown[]][] = [];
  const record =
    <T>(method: string, value: T) =>
    async (...args: unknown[]) => {
      calls.push([method, args]);
      return value;
    };
  const bridge: ConnectorBridge = {
    login: record('login', { organizationId: 'org-1' }),
    logout: record('logout', undefined),
    isLoggedIn: record('isLoggedIn', true),
    test: async () => {
      throw new ConfigurationError('NOT_LOGGED_IN', 'You are not logged in.', 'Log in first.');
    },
    setServer: record('setServer', undefined),
    status: record('status', undefined as never),
    planSync: record('planSync', undefined as never),
    syncNow: record('syncNow', { kind: 'synced' } as never),
    lastSync: record('lastSync', '2026-11-26T10:00:00.000Z'),
    clearCache: record('clearCache', undefined),
    startSchedule: record('startSchedule', undefined as never),
    stopSchedule: record('stopSchedule', undefined as never),
    settings: record('settings', undefined as never),
    saveSettings: record('saveSettings', { saved: true }),
    switchProfile: record('switchProfile', undefined),
    addProfile: record('addProfile', undefined),
    removeProfile: record('removeProfile', undefined),
    events: record('events', { cursor: 0, events: [] }),
    logs: record('logs', []),
    showDataFile: record('showDataFile', undefined),
    pickFile: record('pickFile', null),
    readServiceAccountKey: record('readServiceAccountKey', undefined as never),
  };
  return { bridge, calls };
}

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
    sync: record('sync', undefined as never),
    lastSync: record('lastSync', '2026-11-26T10:00:00.000Z'),
    clearCache: record('clearCache', undefined),
  };
  return { bridge, calls };
}

import { normaliseServerUrl } from '@bwdc/core';
import type { ServerSettings as StoredServer } from '@bwdc/storage';

import type { ServerSettings } from '../../shared/connector-bridge';

/** The data file's `server` as the dialog shows it: one server, API and identity apart, or null. */
export function serverViewOf(stored: StoredServer): ServerSettings | null {
  if (stored.base !== null) {
    return { base: stored.base };
  }
  if (stored.api !== null && stored.identity !== null) {
    return { api: stored.api, identity: stored.identity };
  }
  return null;
}

/** What the dialog saved, stored as `bwdc config server` stores it (normalised URLs). */
export function storedServerOf(server: ServerSettings | null): StoredServer {
  const cloud: StoredServer = { base: null, api: null, identity: null, webVault: null };
  if (server === null) {
    return cloud;
  }
  if ('base' in server) {
    return { ...cloud, base: normaliseServerUrl(server.base) };
  }
  return {
    ...cloud,
    api: normaliseServerUrl(server.api),
    identity: normaliseServerUrl(server.identity),
  };
}

import { UPSTREAM_DIRECTORY_TYPE_NUMBERS, type DirectoryType } from '@bwdc/core';

import {
  DATA_FILE_VERSION,
  DEFAULT_PROFILE,
  defaultSyncOptions,
  type DataFile,
  type SyncOptions,
} from '../schema/data-file.schema';
import {
  STORED_SECURELY,
  UPSTREAM_AUTH_SECRET_KEYS,
  UPSTREAM_DIRECTORY_SECRETS,
  directorySecretKey,
} from './upstream-secret-keys';

/** The oldest upstream layout with flat keys; older ones nest everything under a user id. */
const OLDEST_FLAT_STATE_VERSION = 5;
/** Upstream's v7→v8 migration: configs from before the setting kept the old always-invite. */
const INVITE_FLAG_STATE_VERSION = 8;

/** Keys this import turns into our schema; every other key is kept under `app`. */
const MAPPED_KEYS = new Set<string>([
  'stateVersion',
  'directoryType',
  'sync',
  'environmentUrls',
  'organizationId',
  'appId',
  'lastSyncHash',
  'lastUserSync',
  'lastGroupSync',
  'userDeltaToken',
  'groupDeltaToken',
  ...UPSTREAM_AUTH_SECRET_KEYS,
  ...Object.values(UPSTREAM_DIRECTORY_SECRETS).map((entry) => entry.configKey),
]);

type Json = Record<string, unknown>;

/** Whether a parsed data.json was written by the upstream connector rather than by us. */
export function isUpstreamDataFile(raw: unknown): raw is Json {
  return isObject(raw) && !('version' in raw) && ('stateVersion' in raw || 'global' in raw);
}

export type UpstreamImport =
  { readonly ok: true; readonly file: DataFile } | { readonly ok: false; readonly reason: string };

/**
 * Converts an upstream connector data.json (flat layout, state version 5 to 8) into our schema,
 * losing no setting: directory configs of every type, sync options and state, server URLs, the
 * organization, plaintext-mode secrets (moved from the config objects and top-level keys into
 * `secrets`, under upstream's keychain key names) and every other key under `app`.
 */
export function importUpstreamDataFile(raw: Json): UpstreamImport {
  const stateVersion = typeof raw['stateVersion'] === 'number' ? raw['stateVersion'] : null;
  if (stateVersion === null || stateVersion < OLDEST_FLAT_STATE_VERSION) {
    return {
      ok: false,
      reason: `it was written by an upstream connector older than 2.x (state version ${stateVersion ?? 'unknown'}), which nests settings per user`,
    };
  }

  const secrets: Record<string, string> = {};
  for (const key of UPSTREAM_AUTH_SECRET_KEYS) {
    const value = raw[key];
    if (typeof value === 'string' && value !== '') {
      secrets[key] = value;
    }
  }

  const directories: Record<string, Record<string, unknown>> = {};
  for (const [type, secret] of Object.entries(UPSTREAM_DIRECTORY_SECRETS)) {
    const config = raw[secret.configKey];
    if (!isObject(config)) {
      continue;
    }
    const { [secret.field]: inlineSecret, ...settings } = config;
    if (
      typeof inlineSecret === 'string' &&
      inlineSecret !== '' &&
      inlineSecret !== STORED_SECURELY
    ) {
      secrets[directorySecretKey(secret.secretKey, config['id'])] = inlineSecret;
    }
    directories[type] = settings;
  }

  const app: Json = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!MAPPED_KEYS.has(key)) {
      app[key] = value;
    }
  }

  const urls = isObject(raw['environmentUrls']) ? raw['environmentUrls'] : {};
  return {
    ok: true,
    file: {
      version: DATA_FILE_VERSION,
      activeProfile: DEFAULT_PROFILE,
      profiles: {
        [DEFAULT_PROFILE]: {
          directoryType: directoryTypeOf(raw['directoryType']),
          directories,
          sync: syncOptionsOf(raw['sync'], stateVersion),
          state: {
            lastSyncHash: stringOrNull(raw['lastSyncHash']),
            lastUserSync: stringOrNull(raw['lastUserSync']),
            lastGroupSync: stringOrNull(raw['lastGroupSync']),
            userDeltaToken: stringOrNull(raw['userDeltaToken']),
            groupDeltaToken: stringOrNull(raw['groupDeltaToken']),
            lastSyncUserCount: null,
          },
        },
      },
      server: {
        base: stringOrNull(urls['base']),
        api: stringOrNull(urls['api']),
        identity: stringOrNull(urls['identity']),
        webVault: stringOrNull(urls['webVault']),
      },
      organizationId: stringOrNull(raw['organizationId']),
      appId: stringOrNull(raw['appId']),
      secrets,
      app,
      runs: [],
    },
  };
}

function directoryTypeOf(value: unknown): DirectoryType | null {
  const match = Object.entries(UPSTREAM_DIRECTORY_TYPE_NUMBERS).find(
    ([, number]) => number === value,
  );
  return match ? (match[0] as DirectoryType) : null;
}

/** Upstream's fields as they are, upstream's defaults for missing ones. */
function syncOptionsOf(value: unknown, stateVersion: number): SyncOptions {
  const stored = isObject(value) ? value : {};
  const defaults: SyncOptions = {
    ...defaultSyncOptions(),
    inviteUsersAfterProvisioning: isObject(value) && stateVersion < INVITE_FLAG_STATE_VERSION,
  };
  const merged: Json = { ...defaults };
  for (const [key, setting] of Object.entries(stored)) {
    // A null flag means "not set" upstream; our flags are plain booleans. Null stays null elsewhere
    // (an interval of null means the schedule is off).
    merged[key] = setting === null && typeof defaults[key] === 'boolean' ? defaults[key] : setting;
  }
  return merged as SyncOptions;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

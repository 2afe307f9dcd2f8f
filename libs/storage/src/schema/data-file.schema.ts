import { DIRECTORY_TYPES } from '@bwdc/core';
import { z } from 'zod';

import { RunRecordSchema } from './run-record.schema';

/** The version this build writes; older documents are migrated on open. */
export const DATA_FILE_VERSION = 1;

const nullableString = z.string().nullable();

export const SyncStateSchema = z.object({
  lastSyncHash: nullableString,
  lastUserSync: nullableString,
  lastGroupSync: nullableString,
  userDeltaToken: nullableString,
  groupDeltaToken: nullableString,
  /** Ours: users the last successful whole read returned (the empty-read guard compares). */
  lastSyncUserCount: z.number().int().min(0).nullable().default(null),
});

/**
 * Upstream's `SyncConfiguration`. Provider-specific fields (the LDAP classes, paths and
 * attributes) ride along; each provider's own schema validates them.
 */
export const SyncOptionsSchema = z.looseObject({
  users: z.boolean(),
  groups: z.boolean(),
  interval: z.number().nullable(),
  userFilter: nullableString,
  groupFilter: nullableString,
  removeDisabled: z.boolean(),
  overwriteExisting: z.boolean(),
  largeImport: z.boolean(),
  inviteUsersAfterProvisioning: z.boolean(),
  /** Deletion guard: the most members one sync may remove, as a count; null: not used. */
  maxRemovals: z.number().int().min(0).nullable().default(10),
  /** Deletion guard: the same as a share (%) of the organization; null: not used. */
  maxRemovalsPercent: z.number().min(0).max(100).nullable().default(10),
  /** A cron expression for bwdc serve (5 or 6 fields); wins over `interval` when set. */
  schedule: nullableString.default(null),
});

export const ProfileSchema = z.object({
  directoryType: z.enum(DIRECTORY_TYPES).nullable(),
  /** Each directory type's settings, kept when the type changes, as upstream keeps them. */
  directories: z.record(z.string(), z.record(z.string(), z.unknown())),
  sync: SyncOptionsSchema,
  /** Where the last successful sync left off; never shared between profiles. */
  state: SyncStateSchema,
});

export const ServerSchema = z.object({
  base: nullableString,
  api: nullableString,
  identity: nullableString,
  webVault: nullableString,
});

export const DataFileSchema = z
  .object({
    version: z.literal(DATA_FILE_VERSION),
    activeProfile: z.string().min(1),
    profiles: z.record(z.string().min(1), ProfileSchema),
    server: ServerSchema,
    organizationId: nullableString,
    /** The installation's device id, sent when logging in. */
    appId: nullableString,
    /** Secrets, only when BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS=true. */
    secrets: z.record(z.string(), z.string()),
    /** Desktop and other app settings (window, tray, locale, ...), kept as they are. */
    app: z.record(z.string(), z.unknown()),
    /** The last runs of every front end (test, plan, sync), newest first. */
    runs: z.array(RunRecordSchema).default([]),
  })
  .refine((file) => file.activeProfile in file.profiles, {
    message: 'activeProfile names a profile that does not exist',
    path: ['activeProfile'],
  });

export type SyncState = z.infer<typeof SyncStateSchema>;
export type SyncOptions = z.infer<typeof SyncOptionsSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type ServerSettings = z.infer<typeof ServerSchema>;
export type DataFile = z.infer<typeof DataFileSchema>;

export const DEFAULT_PROFILE = 'default';

export function emptySyncState(): SyncState {
  return {
    lastSyncHash: null,
    lastUserSync: null,
    lastGroupSync: null,
    userDeltaToken: null,
    groupDeltaToken: null,
    lastSyncUserCount: null,
  };
}

/** Upstream's defaults for a new configuration. */
export function defaultSyncOptions(): SyncOptions {
  return {
    users: false,
    groups: false,
    interval: 5,
    userFilter: null,
    groupFilter: null,
    removeDisabled: false,
    overwriteExisting: false,
    largeImport: false,
    inviteUsersAfterProvisioning: false,
    maxRemovals: 10,
    maxRemovalsPercent: 10,
    schedule: null,
  };
}

export function emptyProfile(): Profile {
  return {
    directoryType: null,
    directories: {},
    sync: defaultSyncOptions(),
    state: emptySyncState(),
  };
}

export function emptyDataFile(): DataFile {
  return {
    version: DATA_FILE_VERSION,
    activeProfile: DEFAULT_PROFILE,
    profiles: { [DEFAULT_PROFILE]: emptyProfile() },
    server: { base: null, api: null, identity: null, webVault: null },
    organizationId: null,
    appId: null,
    secrets: {},
    app: {},
    runs: [],
  };
}

import { ConfigurationError } from '@bwdc/core';
import { z } from 'zod';

import type { ProviderContext } from '../registry';

/** The profile's parts a provider reads: its directory settings and the sync options. */
const ProfileSettingsSchema = z.object({
  directory: z.record(z.string(), z.unknown()),
  sync: z.record(z.string(), z.unknown()),
});

/** What to sync: the file provider reads no more. */
export const SyncScopeSchema = z.object({
  users: z.boolean().default(false),
  groups: z.boolean().default(false),
});

/** ...and which users and groups (LDAP). */
export const FilteredSyncScopeSchema = SyncScopeSchema.extend({
  userFilter: z.string().nullable().default(null),
  groupFilter: z.string().nullable().default(null),
});

/** ...and whether disabled users are removed, which the cloud providers apply while reading. */
export const CloudSyncScopeSchema = FilteredSyncScopeSchema.extend({
  removeDisabled: z.boolean().default(false),
});

/**
 * A registry factory's first step: the profile's directory settings and sync options, each
 * validated by the provider's schema. Every problem is named in one ConfigurationError, with
 * the `bwdc config` keys to set.
 */
export function parseProviderSettings<Directory extends z.ZodType, Sync extends z.ZodType>(
  context: ProviderContext,
  provider: {
    /** As the message names it: "LDAP", "Entra ID"... */
    readonly label: string;
    /** The `bwdc config` prefix of its settings: `ldap`, `entra`... */
    readonly key: string;
    readonly directory: Directory;
    readonly sync: Sync;
  },
): { readonly directory: z.output<Directory>; readonly sync: z.output<Sync> } {
  const profile = ProfileSettingsSchema.safeParse(context.settings);
  const directory = provider.directory.safeParse(profile.data?.directory ?? {});
  const sync = provider.sync.safeParse(profile.data?.sync ?? {});
  if (!profile.success || !directory.success || !sync.success) {
    const issues = [profile, directory, sync].flatMap((result) =>
      result.success
        ? []
        : result.error.issues.map(
            (issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`,
          ),
    );
    throw new ConfigurationError(
      'DIRECTORY_SETTINGS_INVALID',
      `The ${provider.label} settings are incomplete or invalid: ${issues.join('; ')}.`,
      `Set the named ${provider.key}.* and sync.* settings (bwdc config), then try again.`,
    );
  }
  return { directory: directory.data, sync: sync.data };
}

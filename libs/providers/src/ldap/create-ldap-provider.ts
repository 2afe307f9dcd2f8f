import { ConfigurationError } from '@bwdc/core';
import { z } from 'zod';

import type { ProviderContext } from '../registry';
import { LdapDirectoryProvider } from './ldap-directory-provider';
import {
  LdapDirectorySettingsSchema,
  LdapSyncSettingsSchema,
  applyActiveDirectoryPresets,
} from './ldap-settings';

/** The profile's parts an LDAP provider reads: its directory settings and the sync options. */
const LdapProfileSettingsSchema = z.object({
  directory: z.record(z.string(), z.unknown()),
  sync: z.record(z.string(), z.unknown()),
});

const SyncScopeSchema = z.object({
  users: z.boolean().default(false),
  groups: z.boolean().default(false),
  userFilter: z.string().nullable().default(null),
  groupFilter: z.string().nullable().default(null),
});

/** The registry's factory: validates the settings (naming every problem) and applies AD presets. */
export function createLdapProvider(context: ProviderContext): LdapDirectoryProvider {
  const profile = LdapProfileSettingsSchema.safeParse(context.settings);
  const directory = LdapDirectorySettingsSchema.safeParse(profile.data?.directory ?? {});
  const sync = LdapSyncSettingsSchema.safeParse(profile.data?.sync ?? {});
  const scope = SyncScopeSchema.safeParse(profile.data?.sync ?? {});
  const issues = [profile, directory, sync, scope].flatMap((result) =>
    result.success
      ? []
      : result.error.issues.map(
          (issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`,
        ),
  );
  if (!directory.success || !sync.success || !scope.success || issues.length > 0) {
    throw new ConfigurationError(
      'DIRECTORY_SETTINGS_INVALID',
      `The LDAP settings are incomplete or invalid: ${issues.join('; ')}.`,
      'Set the named ldap.* and sync.* settings (bwdc config), then try again.',
    );
  }
  const adjusted = applyActiveDirectoryPresets(directory.data, sync.data);
  return new LdapDirectoryProvider({
    directory: adjusted.directory,
    sync: { ...adjusted.sync, ...scope.data },
    password: context.secrets['password'] ?? null,
  });
}

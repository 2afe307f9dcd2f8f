import { ConfigurationError } from '@bwdc/core';
import { z } from 'zod';

import type { ProviderContext } from '../registry';
import { GoogleDirectoryProvider } from './google-directory-provider';
import { GoogleDirectorySettingsSchema } from './google-settings';

const GoogleProfileSettingsSchema = z.object({
  directory: z.record(z.string(), z.unknown()),
  sync: z.record(z.string(), z.unknown()),
});

const SyncScopeSchema = z.object({
  users: z.boolean().default(false),
  groups: z.boolean().default(false),
  userFilter: z.string().nullable().default(null),
  groupFilter: z.string().nullable().default(null),
  removeDisabled: z.boolean().default(false),
});

/** The registry's factory: validates the settings, naming every problem, and reads the key. */
export function createGoogleProvider(context: ProviderContext): GoogleDirectoryProvider {
  const profile = GoogleProfileSettingsSchema.safeParse(context.settings);
  const directory = GoogleDirectorySettingsSchema.safeParse(profile.data?.directory ?? {});
  const scope = SyncScopeSchema.safeParse(profile.data?.sync ?? {});
  if (!profile.success || !directory.success || !scope.success) {
    const issues = [profile, directory, scope].flatMap((result) =>
      result.success
        ? []
        : result.error.issues.map(
            (issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`,
          ),
    );
    throw new ConfigurationError(
      'DIRECTORY_SETTINGS_INVALID',
      `The Google Workspace settings are incomplete or invalid: ${issues.join('; ')}.`,
      'Set the named gsuite.* and sync.* settings (bwdc config), then try again.',
    );
  }
  return new GoogleDirectoryProvider({
    directory: directory.data,
    sync: scope.data,
    privateKey: context.secrets['privateKey'] ?? null,
    logger: context.logger,
  });
}

import { ConfigurationError } from '@bwdc/core';
import { z } from 'zod';

import type { ProviderContext } from '../registry';
import { OneLoginDirectoryProvider } from './onelogin-directory-provider';
import { OneLoginDirectorySettingsSchema } from './onelogin-settings';

const OneLoginProfileSettingsSchema = z.object({
  directory: z.record(z.string(), z.unknown()),
  sync: z.record(z.string(), z.unknown()),
});

const SyncScopeSchema = z.object({
  users: z.boolean().default(false),
  groups: z.boolean().default(false),
  userFilter: z.string().nullable().default(null),
  groupFilter: z.string().nullable().default(null),
  removeDisabled: z.boolean().default(false),
  useEmailPrefixSuffix: z.boolean().default(false),
  emailSuffix: z.string().nullable().default(null),
});

/** The registry's factory: validates the settings, naming every problem, and reads the secret. */
export function createOneLoginProvider(context: ProviderContext): OneLoginDirectoryProvider {
  const profile = OneLoginProfileSettingsSchema.safeParse(context.settings);
  const directory = OneLoginDirectorySettingsSchema.safeParse(profile.data?.directory ?? {});
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
      `The OneLogin settings are incomplete or invalid: ${issues.join('; ')}.`,
      'Set the named onelogin.* and sync.* settings (bwdc config), then try again.',
    );
  }
  return new OneLoginDirectoryProvider({
    directory: directory.data,
    sync: scope.data,
    clientSecret: context.secrets['clientSecret'] ?? null,
    logger: context.logger,
  });
}

import { ConfigurationError } from '@bwdc/core';
import { z } from 'zod';

import type { ProviderContext } from '../registry';
import { OktaDirectoryProvider } from './okta-directory-provider';
import { OktaDirectorySettingsSchema } from './okta-settings';

const OktaProfileSettingsSchema = z.object({
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

/** The registry's factory: validates the settings, naming every problem, and reads the token. */
export function createOktaProvider(context: ProviderContext): OktaDirectoryProvider {
  const profile = OktaProfileSettingsSchema.safeParse(context.settings);
  const directory = OktaDirectorySettingsSchema.safeParse(profile.data?.directory ?? {});
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
      `The Okta settings are incomplete or invalid: ${issues.join('; ')}.`,
      'Set the named okta.* and sync.* settings (bwdc config), then try again.',
    );
  }
  return new OktaDirectoryProvider({
    directory: directory.data,
    sync: scope.data,
    token: context.secrets['token'] ?? null,
    logger: context.logger,
  });
}

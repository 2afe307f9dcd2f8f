import { ConfigurationError } from '@bwdc/core';
import { z } from 'zod';

import type { ProviderContext } from '../registry';
import { FileDirectoryProvider } from './file-directory-provider';
import { FileDirectorySettingsSchema } from './file-settings';

/** The profile's parts a file provider reads: its directory settings and the sync switches. */
const FileProfileSettingsSchema = z.object({
  directory: z.record(z.string(), z.unknown()),
  sync: z.record(z.string(), z.unknown()).default({}),
});

const SyncScopeSchema = z.object({
  users: z.boolean().default(false),
  groups: z.boolean().default(false),
});

/** The registry's factory: validates the settings and names every problem. */
export function createFileProvider(context: ProviderContext): FileDirectoryProvider {
  const profile = FileProfileSettingsSchema.safeParse(context.settings);
  const directory = FileDirectorySettingsSchema.safeParse(profile.data?.directory ?? {});
  const scope = SyncScopeSchema.safeParse(profile.data?.sync ?? {});
  const issues = [profile, directory, scope].flatMap((result) =>
    result.success
      ? []
      : result.error.issues.map(
          (issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`,
        ),
  );
  if (!directory.success || !scope.success || issues.length > 0) {
    throw new ConfigurationError(
      'DIRECTORY_SETTINGS_INVALID',
      `The file directory settings are incomplete or invalid: ${issues.join('; ')}.`,
      'Set the named file.* and sync.* settings (bwdc config), then try again.',
    );
  }
  return new FileDirectoryProvider({ directory: directory.data, sync: scope.data });
}

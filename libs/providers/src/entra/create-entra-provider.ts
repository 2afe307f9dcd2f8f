import { readFileSync } from 'node:fs';

import { ConfigurationError } from '@bwdc/core';
import { z } from 'zod';

import type { ProviderContext } from '../registry';
import { EntraDirectoryProvider } from './entra-directory-provider';
import { EntraDirectorySettingsSchema } from './entra-settings';

/** The profile's parts the Entra ID provider reads: its directory settings and the sync options. */
const EntraProfileSettingsSchema = z.object({
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

/** The registry's factory: validates the settings, naming every problem, and reads the CA file. */
export function createEntraProvider(context: ProviderContext): EntraDirectoryProvider {
  const profile = EntraProfileSettingsSchema.safeParse(context.settings);
  const directory = EntraDirectorySettingsSchema.safeParse(profile.data?.directory ?? {});
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
      `The Entra ID settings are incomplete or invalid: ${issues.join('; ')}.`,
      'Set the named entra.* and sync.* settings (bwdc config), then try again.',
    );
  }
  return new EntraDirectoryProvider({
    directory: directory.data,
    sync: scope.data,
    key: context.secrets['key'] ?? null,
    ca: readCa(directory.data.caPath),
    logger: context.logger,
  });
}

function readCa(path: string | null): string | null {
  if (!path) {
    return null;
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(
      'DIRECTORY_SETTINGS_INVALID',
      `The CA certificate file ${path} cannot be read: ${(error as Error).message}.`,
      'Fix entra.caPath, or clear it to trust the system’s certificate authorities only.',
    );
  }
}

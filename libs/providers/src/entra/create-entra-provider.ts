import { readFileSync } from 'node:fs';

import { ConfigurationError } from '@bwdc/core';

import type { ProviderContext } from '../registry';
import { CloudSyncScopeSchema, parseProviderSettings } from '../shared/provider-settings-input';
import { EntraDirectoryProvider } from './entra-directory-provider';
import { EntraDirectorySettingsSchema } from './entra-settings';

/** The registry's factory: validates the settings, naming every problem, and reads the CA file. */
export function createEntraProvider(context: ProviderContext): EntraDirectoryProvider {
  const { directory, sync } = parseProviderSettings(context, {
    label: 'Entra ID',
    key: 'entra',
    directory: EntraDirectorySettingsSchema,
    sync: CloudSyncScopeSchema,
  });
  return new EntraDirectoryProvider({
    directory,
    sync,
    key: context.secrets['key'] ?? null,
    ca: readCa(directory.caPath),
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

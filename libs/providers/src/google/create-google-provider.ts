import type { ProviderContext } from '../registry';
import { CloudSyncScopeSchema, parseProviderSettings } from '../shared/provider-settings-input';
import { GoogleDirectoryProvider } from './google-directory-provider';
import { GoogleDirectorySettingsSchema } from './google-settings';

/** The registry's factory: validates the settings, naming every problem, and reads the key. */
export function createGoogleProvider(context: ProviderContext): GoogleDirectoryProvider {
  const { directory, sync } = parseProviderSettings(context, {
    label: 'Google Workspace',
    key: 'gsuite',
    directory: GoogleDirectorySettingsSchema,
    sync: CloudSyncScopeSchema,
  });
  return new GoogleDirectoryProvider({
    directory,
    sync,
    privateKey: context.secrets['privateKey'] ?? null,
    logger: context.logger,
  });
}

import type { ProviderContext } from '../registry';
import { SyncScopeSchema, parseProviderSettings } from '../shared/provider-settings-input';
import { FileDirectoryProvider } from './file-directory-provider';
import { FileDirectorySettingsSchema } from './file-settings';

/** The registry's factory: validates the settings and names every problem. */
export function createFileProvider(context: ProviderContext): FileDirectoryProvider {
  const { directory, sync } = parseProviderSettings(context, {
    label: 'file directory',
    key: 'file',
    directory: FileDirectorySettingsSchema,
    sync: SyncScopeSchema,
  });
  return new FileDirectoryProvider({ directory, sync });
}

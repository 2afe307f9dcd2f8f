import type { ProviderContext } from '../registry';
import { CloudSyncScopeSchema, parseProviderSettings } from '../shared/provider-settings-input';
import { OktaDirectoryProvider } from './okta-directory-provider';
import { OktaDirectorySettingsSchema } from './okta-settings';

/** The registry's factory: validates the settings, naming every problem, and reads the token. */
export function createOktaProvider(context: ProviderContext): OktaDirectoryProvider {
  const { directory, sync } = parseProviderSettings(context, {
    label: 'Okta',
    key: 'okta',
    directory: OktaDirectorySettingsSchema,
    sync: CloudSyncScopeSchema,
  });
  return new OktaDirectoryProvider({
    directory,
    sync,
    token: context.secrets['token'] ?? null,
    logger: context.logger,
  });
}

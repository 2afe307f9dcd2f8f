import type { ProviderContext } from '../registry';
import { FilteredSyncScopeSchema, parseProviderSettings } from '../shared/provider-settings-input';
import { LdapDirectoryProvider } from './ldap-directory-provider';
import {
  LdapDirectorySettingsSchema,
  LdapSyncSettingsSchema,
  applyActiveDirectoryPresets,
} from './ldap-settings';

/** LDAP's classes, paths and attributes, and what to sync and which users and groups. */
const LdapSyncScopeSchema = LdapSyncSettingsSchema.extend(FilteredSyncScopeSchema.shape);

/** The registry's factory: validates the settings (naming every problem) and applies AD presets. */
export function createLdapProvider(context: ProviderContext): LdapDirectoryProvider {
  const settings = parseProviderSettings(context, {
    label: 'LDAP',
    key: 'ldap',
    directory: LdapDirectorySettingsSchema,
    sync: LdapSyncScopeSchema,
  });
  const { directory, sync } = applyActiveDirectoryPresets(settings.directory, settings.sync);
  return new LdapDirectoryProvider({
    directory,
    sync,
    password: context.secrets['password'] ?? null,
  });
}

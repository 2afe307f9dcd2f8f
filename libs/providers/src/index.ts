export {
  createDirectoryProvider,
  providerRegistry,
  type DirectoryProviderFactory,
  type ProviderContext,
  type ProviderRegistry,
} from './registry';
export { isAccountDisabled, objectGuidToString } from './ldap/active-directory';
export { looksLikeDn, normaliseDn } from './ldap/distinguished-name';
export {
  LDAP_SEARCH_TIME_LIMIT_SECONDS,
  LdapDirectoryProvider,
  type LdapProviderOptions,
  type LdapSyncScope,
} from './ldap/ldap-directory-provider';
export { LdapError, type LdapErrorCode } from './ldap/ldap-error';
export { generalizedTime, objectFilter } from './ldap/ldap-filters';
export {
  LdapDirectorySettingsSchema,
  LdapSyncSettingsSchema,
  applyActiveDirectoryPresets,
  type LdapDirectorySettings,
  type LdapSyncSettings,
} from './ldap/ldap-settings';

export {
  createDirectoryProvider,
  providerRegistry,
  type DirectoryProviderFactory,
  type ProviderContext,
  type ProviderRegistry,
} from './registry';
export { FileDirectoryError, type FileDirectoryErrorCode } from './file/file-error';
export { FileDirectoryProvider, type FileProviderOptions } from './file/file-directory-provider';
export {
  FILE_FORMATS,
  FileDirectorySettingsSchema,
  formatFromPath,
  type FileDirectorySettings,
  type FileFormat,
} from './file/file-settings';
export { isAccountDisabled, objectGuidToString, sidRelativeId } from './ldap/active-directory';
export { looksLikeDn, normaliseDn } from './ldap/distinguished-name';
export { LdapDirectoryProvider } from './ldap/ldap-directory-provider';
export type { LdapProviderOptions, LdapSyncScope } from './ldap/ldap-provider-options';
export { LDAP_SEARCH_TIME_LIMIT_SECONDS } from './ldap/ldap-search';
export { LdapError, type LdapErrorCode } from './ldap/ldap-error';
export { generalizedTime, objectFilter } from './ldap/ldap-filters';
export {
  LdapDirectorySettingsSchema,
  LdapSyncSettingsSchema,
  applyActiveDirectoryPresets,
  type LdapDirectorySettings,
  type LdapSyncSettings,
} from './ldap/ldap-settings';
export {
  PROVIDER_SETTINGS,
  providerSettingsOf,
  type ProviderSettings,
} from './settings/provider-settings';
export {
  defaultOf,
  describeField,
  objectFields,
  type SettingField,
  type ValueKind,
} from './settings/setting-field';
export { createEntraProvider } from './entra/create-entra-provider';
export { EntraDirectoryProvider, type EntraSnapshot } from './entra/entra-directory-provider';
export { EntraError, type EntraErrorCode } from './entra/entra-error';
export type { EntraProviderOptions, EntraSyncScope } from './entra/entra-provider-options';
export {
  ENTRA_GOVERNMENT_AUTHORITY,
  ENTRA_PUBLIC_AUTHORITY,
  EntraDirectorySettingsSchema,
  GRAPH_GOVERNMENT_URL,
  GRAPH_PUBLIC_URL,
  resolveEntraCloud,
  type EntraCloud,
  type EntraDirectorySettings,
} from './entra/entra-settings';
export { DEFAULT_GRAPH_RETRY, type GraphRetryPolicy } from './entra/graph-retry';
export { httpsTransport, type HttpsTransport } from './shared/https-transport';
export { EntraTokenSource } from './entra/entra-token';
export { GraphClient } from './entra/graph-client';
export { createGoogleProvider } from './google/create-google-provider';
export {
  GOOGLE_TOKEN_URL,
  createDirectoryClient as createGoogleDirectoryClient,
  type GoogleEndpoints,
} from './google/google-client';
export { GoogleDirectoryProvider } from './google/google-directory-provider';
export { GoogleError, type GoogleErrorCode } from './google/google-error';
export type { GoogleProviderOptions, GoogleSyncScope } from './google/google-provider-options';
export {
  GOOGLE_DIRECTORY_SCOPES,
  GoogleDirectorySettingsSchema,
  type GoogleDirectorySettings,
} from './google/google-settings';
export { parseServiceAccountKey, type ServiceAccountKey } from './google/service-account-key';
export { createOktaProvider } from './okta/create-okta-provider';
export { createOktaClient, type OktaClient, type OktaConnection } from './okta/okta-client';
export { OktaDirectoryProvider } from './okta/okta-directory-provider';
export { OktaError, type OktaErrorCode } from './okta/okta-error';
export type { OktaProviderOptions, OktaSyncScope } from './okta/okta-provider-options';
export {
  OktaDirectorySettingsSchema,
  normaliseOrgUrl,
  type OktaDirectorySettings,
} from './okta/okta-settings';
export { createOneLoginProvider } from './onelogin/create-onelogin-provider';
export {
  DEFAULT_ONELOGIN_RETRY,
  type OneLoginEndpoints,
  type OneLoginRetryPolicy,
} from './onelogin/onelogin-client';
export { OneLoginDirectoryProvider } from './onelogin/onelogin-directory-provider';
export { OneLoginError, type OneLoginErrorCode } from './onelogin/onelogin-error';
export type {
  OneLoginProviderOptions,
  OneLoginSyncScope,
} from './onelogin/onelogin-provider-options';
export {
  ONELOGIN_REGIONS,
  OneLoginDirectorySettingsSchema,
  oneLoginBaseUrl,
  type OneLoginDirectorySettings,
  type OneLoginRegion,
} from './onelogin/onelogin-settings';

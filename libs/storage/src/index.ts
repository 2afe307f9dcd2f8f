export {
  APP_DATA_FOLDER_NAME,
  DATA_FILE_NAME,
  resolveDataDirectory,
  resolveDataFilePath,
  type DataFileEnvironment,
} from './data-file-location';
export { DataFileConnectorStore } from './data-file-connector-store';
export { DATA_KEYS, activeProfileOf, type DataKey } from './data-file-keys';
export { DATA_FOLDER_MODE, DataFileStore, type DataFileStoreOptions } from './data-file-store';
export {
  DataFileAccessError,
  DataFileBusyError,
  DataFileCorruptError,
  DataFileInvalidChangeError,
  DataFileUnsupportedError,
} from './errors/data-file.errors';
export { DEFAULT_LOCK_OPTIONS, type FileLockOptions } from './file/file-lock';
export {
  ProfileError,
  addProfile,
  profileNames,
  removeProfile,
  renameProfile,
  switchProfile,
  type ProfileErrorCode,
} from './profiles';
export {
  DATA_FILE_VERSION,
  DEFAULT_PROFILE,
  SyncOptionsSchema,
  defaultSyncOptions,
  emptyDataFile,
  type DataFile,
  type Profile,
  type ServerSettings,
  type SyncOptions,
  type SyncState,
} from './schema/data-file.schema';
export { createSecretStore, osKeychain, usesPlaintextSecrets } from './secrets/create-secret-store';
export { KeychainError, type KeychainOperation } from './secrets/keychain-error';
export {
  KEYCHAIN_SERVICE_NAME,
  KeychainSecretStore,
  type KeychainSecretStoreOptions,
} from './secrets/keychain-secret-store';
export { PlaintextSecretStore } from './secrets/plaintext-secret-store';
export {
  SecretServiceSecretStore,
  type SecretServiceSecretStoreOptions,
} from './secrets/secret-service-secret-store';
export {
  PLAINTEXT_SECRETS_VARIABLE,
  SecretStoreUnavailableError,
} from './secrets/secret-store-unavailable.error';
export {
  STORED_SECURELY,
  UPSTREAM_AUTH_SECRET_KEYS,
  UPSTREAM_DIRECTORY_SECRETS,
  directorySecretCandidates,
  directorySecretKey,
  readFirstSecret,
} from './upstream/upstream-secret-keys';
export { saveSecret, secretIsSet } from './secrets/directory-secret';

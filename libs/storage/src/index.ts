export {
  APP_DATA_FOLDER_NAME,
  DATA_FILE_NAME,
  resolveDataDirectory,
  resolveDataFilePath,
  type DataFileEnvironment,
} from './data-file-location';
export { DATA_KEYS, activeProfileOf, type DataKey } from './data-file-keys';
export { DATA_FOLDER_MODE, DataFileStore, type DataFileStoreOptions } from './data-file-store';
export {
  DataFileBusyError,
  DataFileCorruptError,
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
  defaultSyncOptions,
  emptyDataFile,
  type DataFile,
  type Profile,
  type ServerSettings,
  type SyncOptions,
  type SyncState,
} from './schema/data-file.schema';
export { PlaintextSecretStore } from './secrets/plaintext-secret-store';
export {
  STORED_SECURELY,
  UPSTREAM_AUTH_SECRET_KEYS,
  UPSTREAM_DIRECTORY_SECRETS,
  directorySecretKey,
} from './upstream/upstream-secret-keys';

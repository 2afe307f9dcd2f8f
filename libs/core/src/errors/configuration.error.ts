import { SyncError } from './sync-error';

export type ConfigurationErrorCode =
  | 'ORGANIZATION_NOT_SET'
  | 'API_URL_NOT_SET'
  | 'LARGE_IMPORT_WITH_OVERWRITE'
  | 'DIRECTORY_TYPE_UNSUPPORTED'
  | 'DIRECTORY_SETTINGS_INVALID'
  | 'DIRECTORY_NOT_SET'
  | 'NOT_LOGGED_IN'
  | 'API_KEY_MISSING'
  | 'ALREADY_LOGGED_IN'
  | 'KEY_FILE_UNREADABLE';

/** The settings ask for something the connector cannot do; nothing was read or sent. */
export class ConfigurationError extends SyncError {
  readonly side = 'configuration';

  constructor(
    readonly code: ConfigurationErrorCode,
    message: string,
    remedy: string,
  ) {
    super(message, remedy);
  }
}

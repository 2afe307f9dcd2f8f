import { SyncError } from '@bwdc/core';

export type ConfigSettingErrorCode =
  'CONFIG_USAGE' | 'SETTING_UNKNOWN' | 'SETTING_VALUE_INVALID' | 'SETTING_VALUE_SOURCE';

/** `bwdc config` was asked for something it cannot do; nothing was saved. */
export class ConfigSettingError extends SyncError {
  readonly side = 'configuration';

  constructor(
    readonly code: ConfigSettingErrorCode,
    message: string,
    remedy: string,
  ) {
    super(message, remedy);
  }
}

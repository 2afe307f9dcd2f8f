import {
  DIRECTORY_TYPES,
  UPSTREAM_DIRECTORY_TYPE_NUMBERS,
  isDirectoryType,
  type DirectoryType,
} from '@bwdc/core';

import { ConfigSettingError } from './config-setting.error';

/**
 * `directory <n>` with upstream's numbers (0 LDAP ... 4 OneLogin) or a name, in any case;
 * `null` unsets it. Unlike upstream, text that is neither is refused instead of stored as NaN.
 */
export function parseDirectoryType(text: string): DirectoryType | null {
  const typed = text.trim().toLowerCase();
  if (typed === 'null') {
    return null;
  }
  if (isDirectoryType(typed)) {
    return typed;
  }
  const byNumber = DIRECTORY_TYPES.find(
    (type) => /^\d+$/.test(typed) && UPSTREAM_DIRECTORY_TYPE_NUMBERS[type] === Number(typed),
  );
  if (byNumber) {
    return byNumber;
  }
  const numbers = DIRECTORY_TYPES.flatMap((type) => {
    const number = UPSTREAM_DIRECTORY_TYPE_NUMBERS[type];
    return number === undefined ? [] : [`${number} (${type})`];
  });
  throw new ConfigSettingError(
    'SETTING_VALUE_INVALID',
    'Invalid value for directory: not a directory type.',
    `directory takes ${numbers.join(', ')} or a name: ${DIRECTORY_TYPES.join(', ')}.`,
  );
}

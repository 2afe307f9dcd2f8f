import { SyncError } from '@bwdc/core';

import { PLAINTEXT_SECRETS_VARIABLE } from './secret-store-unavailable.error';

export type KeychainOperation = 'get' | 'set' | 'remove';

/**
 * The OS keychain is there but refused or failed one operation (a locked keyring, a keyring with
 * no default collection, an ambiguous entry...). Names the key, never the value.
 */
export class KeychainError extends SyncError {
  readonly code = 'SECRET_STORE_FAILED';
  readonly side = 'configuration';

  constructor(
    readonly operation: KeychainOperation,
    readonly key: string,
    readonly service: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(
      `The OS keychain could not ${describe(operation)} the secret "${key}" (service "${service}"): ${reason}`,
      `Make sure the keyring is unlocked and has a default collection (on Linux, "login"), then try again; or set ${PLAINTEXT_SECRETS_VARIABLE}=true to keep the secrets in data.json instead.`,
      options,
    );
  }
}

function describe(operation: KeychainOperation): string {
  switch (operation) {
    case 'get':
      return 'read';
    case 'set':
      return 'store';
    case 'remove':
      return 'delete';
  }
}

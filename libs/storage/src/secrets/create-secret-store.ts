import type { SecretStore } from '@bwdc/core';

import type { DataFileStore } from '../data-file-store';
import { KeychainSecretStore } from './keychain-secret-store';
import { PlaintextSecretStore } from './plaintext-secret-store';
import { PLAINTEXT_SECRETS_VARIABLE } from './secret-store-unavailable.error';

/** Upstream's rule: plaintext only when the variable is exactly `true`. */
export function usesPlaintextSecrets(env: Readonly<Record<string, string | undefined>>): boolean {
  return env[PLAINTEXT_SECRETS_VARIABLE] === 'true';
}

/**
 * The secret store the admin chose: the OS keychain, or the data file itself when
 * BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS=true. In keychain mode no secret is written to the
 * data file.
 */
export function createSecretStore(
  env: Readonly<Record<string, string | undefined>>,
  dataFile: DataFileStore,
  keychain: () => SecretStore = () => new KeychainSecretStore(),
): SecretStore {
  return usesPlaintextSecrets(env) ? new PlaintextSecretStore(dataFile) : keychain();
}

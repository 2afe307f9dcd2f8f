import type { SecretStore } from '@bwdc/core';

import type { DataFileStore } from '../data-file-store';
import { KeychainSecretStore } from './keychain-secret-store';
import { PlaintextSecretStore } from './plaintext-secret-store';
import { SecretServiceSecretStore } from './secret-service-secret-store';
import { PLAINTEXT_SECRETS_VARIABLE } from './secret-store-unavailable.error';

/** Upstream's rule: plaintext only when the variable is exactly `true`. */
export function usesPlaintextSecrets(env: Readonly<Record<string, string | undefined>>): boolean {
  return env[PLAINTEXT_SECRETS_VARIABLE] === 'true';
}

/**
 * The OS keychain of this platform. On Linux the Secret Service is spoken to directly, with the
 * `service` + `account` attributes upstream's entries carry (the native binding looks entries up
 * by `username` and would not find them); elsewhere the native binding.
 */
export function osKeychain(platform: NodeJS.Platform = process.platform): SecretStore {
  return platform === 'linux' ? new SecretServiceSecretStore() : new KeychainSecretStore();
}

/**
 * The secret store the admin chose: the OS keychain, or the data file itself when
 * BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS=true. In keychain mode no secret is written to the
 * data file.
 */
export function createSecretStore(
  env: Readonly<Record<string, string | undefined>>,
  dataFile: DataFileStore,
  keychain: () => SecretStore = osKeychain,
): SecretStore {
  return usesPlaintextSecrets(env) ? new PlaintextSecretStore(dataFile) : keychain();
}

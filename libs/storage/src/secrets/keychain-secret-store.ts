import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';

import type { SecretStore } from '@bwdc/core';

import { KeychainError, type KeychainOperation } from './keychain-error';
import { decodeSecret, encodeSecret } from './secret-encoding';
import { SecretStoreUnavailableError } from './secret-store-unavailable.error';

/**
 * The service name upstream uses. On Linux upstream's entries carry an `account` attribute where
 * this binding looks for `username`, so Linux uses SecretServiceSecretStore instead.
 */
export const KEYCHAIN_SERVICE_NAME = 'Bitwarden Directory Connector';

export interface KeychainSecretStoreOptions {
  /** Tests use a unique name so they never meet real entries. */
  readonly service?: string;
}

// Pinned to the Secret Service: the binding's default falls back to the kernel keyring, which
// forgets everything at reboot and is not where upstream kept the secrets.
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

/**
 * Secrets in the OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on
 * Linux), one entry per key, JSON-encoded as upstream wrote them.
 */
export class KeychainSecretStore implements SecretStore {
  readonly service: string;

  constructor(options: KeychainSecretStoreOptions = {}) {
    this.service = options.service ?? KEYCHAIN_SERVICE_NAME;
  }

  async get(key: string): Promise<string | null> {
    const stored = await this.run('get', key, (entry) => entry.getPassword());
    return stored === null ? null : decodeSecret(stored);
  }

  async set(key: string, value: string): Promise<void> {
    await this.run('set', key, (entry) => entry.setPassword(encodeSecret(value)));
  }

  async remove(key: string): Promise<void> {
    // The binding answers false for a missing entry, which is exactly "already removed".
    await this.run('remove', key, (entry) => entry.deleteCredential());
  }

  private async run<T>(
    operation: KeychainOperation,
    key: string,
    action: (entry: AsyncEntry) => Promise<T>,
  ): Promise<T> {
    try {
      // A fresh entry per call: on Linux it opens its own D-Bus connection, so a keyring daemon
      // that was restarted since the last call is still reached.
      return await action(entryFor(this.service, key));
    } catch (error) {
      throw this.translate(operation, key, error);
    }
  }

  private translate(operation: KeychainOperation, key: string, error: unknown): Error {
    const reason = error instanceof Error ? error.message : String(error);
    if (isUnavailable(reason)) {
      return new SecretStoreUnavailableError(reason, { cause: error });
    }
    return new KeychainError(operation, key, this.service, reason, { cause: error });
  }
}

/**
 * keyring-rs reports "no D-Bus session", "nobody owns org.freedesktop.secrets" and "the service
 * did not answer" all as PlatformFailure; its only marker that survives the binding is the text.
 */
function isUnavailable(reason: string): boolean {
  return reason.startsWith('Platform failure') || reason.includes('DBus error');
}

/**
 * Windows Credential Manager target names: upstream (keytar, then desktop_core) names entries
 * `<service>/<account>`, where the binding would default to `<account>.<service>`.
 */
export function windowsTargetName(service: string, key: string): string {
  return `${service}/${key}`;
}

function entryFor(service: string, key: string): AsyncEntry {
  return process.platform === 'win32'
    ? AsyncEntry.withTarget(windowsTargetName(service, key), service, key, ENTRY_OPTIONS)
    : new AsyncEntry(service, key, ENTRY_OPTIONS);
}

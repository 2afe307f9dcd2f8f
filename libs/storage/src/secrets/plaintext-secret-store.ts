import type { SecretStore } from '@bwdc/core';

import type { DataFileStore } from '../data-file-store';

/**
 * Secrets kept in data.json itself, for headless servers without a keychain, when the admin
 * chose it with BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS=true (as upstream). Anyone who can read
 * the file (mode 0600) can read them.
 */
export class PlaintextSecretStore implements SecretStore {
  constructor(private readonly store: DataFileStore) {}

  async get(key: string): Promise<string | null> {
    return (await this.store.read()).secrets[key] ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    await this.store.update((file) => ({
      next: { ...file, secrets: { ...file.secrets, [key]: value } },
      result: undefined,
    }));
  }

  async remove(key: string): Promise<void> {
    await this.store.update((file) => ({
      next: {
        ...file,
        secrets: Object.fromEntries(Object.entries(file.secrets).filter(([name]) => name !== key)),
      },
      result: undefined,
    }));
  }
}

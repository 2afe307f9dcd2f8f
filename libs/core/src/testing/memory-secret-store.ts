import type { SecretStore } from '../ports/secret-store';

/** Secrets in a map, so tests can see exactly what was stored under which key. */
export class MemorySecretStore implements SecretStore {
  readonly entries = new Map<string, string>();

  async get(key: string): Promise<string | null> {
    return this.entries.get(key) ?? null;
  }

  async set(key: string, value: string): Promise<void> {
    this.entries.set(key, value);
  }

  async remove(key: string): Promise<void> {
    this.entries.delete(key);
  }
}

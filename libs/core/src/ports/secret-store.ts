/** Secrets (API key, tokens, directory passwords) kept apart from the settings document. */
export interface SecretStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  remove(key: string): Promise<void>;
}

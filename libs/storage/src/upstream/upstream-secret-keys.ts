import type { SecretStore } from '@bwdc/core';

/**
 * Where the upstream connector keeps each secret: the account names of its keychain entries and,
 * in plaintext mode, the top-level keys of its data.json. Ours are the same, so an existing
 * keychain entry is found and a plaintext file migrates key for key.
 */
export const UPSTREAM_AUTH_SECRET_KEYS = [
  'accessToken',
  'refreshToken',
  'apiKeyClientId',
  'apiKeyClientSecret',
  'twoFactorToken',
] as const;

/** The secret field of each upstream directory config, and its keychain key. */
export const UPSTREAM_DIRECTORY_SECRETS: Readonly<
  Record<string, { readonly configKey: string; readonly field: string; readonly secretKey: string }>
> = {
  ldap: { configKey: 'directoryLdap', field: 'password', secretKey: 'secretLdap' },
  gsuite: { configKey: 'directoryGsuite', field: 'privateKey', secretKey: 'secretGsuite' },
  entra: { configKey: 'directoryEntra', field: 'key', secretKey: 'secretEntra' },
  okta: { configKey: 'directoryOkta', field: 'token', secretKey: 'secretOkta' },
  onelogin: { configKey: 'directoryOnelogin', field: 'clientSecret', secretKey: 'secretOneLogin' },
};

/** Entra ID's secret was called the Azure key before; upstream still reads that name. */
const LEGACY_ENTRA_SECRET_KEY = 'secretAzure';

/**
 * The keys to try, in order, for a directory's secret, as upstream reads them: the key scoped to
 * the config's id, then the unscoped key of installs from before scoping (and for Entra the same
 * under its old Azure name).
 */
export function directorySecretCandidates(type: string, configId: unknown): string[] {
  const secret = UPSTREAM_DIRECTORY_SECRETS[type];
  if (!secret) {
    return [];
  }
  const names = type === 'entra' ? [secret.secretKey, LEGACY_ENTRA_SECRET_KEY] : [secret.secretKey];
  const scoped = names.map((name) => directorySecretKey(name, configId));
  return [...new Set([...scoped, ...names])];
}

/** The first of the keys that holds a secret, or null. */
export async function readFirstSecret(
  store: SecretStore,
  keys: readonly string[],
): Promise<string | null> {
  for (const key of keys) {
    const value = await store.get(key);
    if (value !== null) {
      return value;
    }
  }
  return null;
}

/** Upstream's placeholder for a secret that lives in the keychain. */
export const STORED_SECURELY = '[STORED SECURELY]';

/**
 * The keychain key of a directory secret: upstream scopes it to the config's id
 * (`secretLdap:<id>`) so swapped data files cannot pick up another directory's password.
 */
export function directorySecretKey(secretKey: string, configId: unknown): string {
  return typeof configId === 'string' && configId !== '' ? `${secretKey}:${configId}` : secretKey;
}

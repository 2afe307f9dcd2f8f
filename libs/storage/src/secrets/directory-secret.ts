import type { DirectoryType, SecretStore } from '@bwdc/core';

import { DATA_KEYS } from '../data-file-keys';
import type { DataFile } from '../schema/data-file.schema';
import {
  UPSTREAM_DIRECTORY_SECRETS,
  directorySecretCandidates,
  directorySecretKey,
  readFirstSecret,
} from '../upstream/upstream-secret-keys';

/** The id upstream scopes a directory's secret to (`secretLdap:<id>`), if its config has one. */
function configIdOf(file: DataFile, type: DirectoryType): unknown {
  return DATA_KEYS.directories.read(file)[type]?.['id'];
}

/** Whether the directory's secret is set, looked up as the provider will read it. */
export async function secretIsSet(
  secrets: SecretStore,
  file: DataFile,
  type: DirectoryType,
): Promise<boolean> {
  const candidates = directorySecretCandidates(type, configIdOf(file, type));
  return (await readFirstSecret(secrets, candidates)) !== null;
}

/**
 * Saves the directory's secret under the key its config is scoped to, as upstream; null deletes
 * it under every key it may be read from (scoped, unscoped and, for Entra ID, the Azure name).
 */
export async function saveSecret(
  secrets: SecretStore,
  file: DataFile,
  type: DirectoryType,
  value: string | null,
): Promise<void> {
  const configId = configIdOf(file, type);
  if (value === null) {
    for (const key of directorySecretCandidates(type, configId)) {
      await secrets.remove(key);
    }
    return;
  }
  const entry = UPSTREAM_DIRECTORY_SECRETS[type];
  if (!entry) {
    throw new Error(`No secret key is known for the '${type}' directory.`);
  }
  await secrets.set(directorySecretKey(entry.secretKey, configId), normaliseSecret(type, value));
}

/**
 * Google's private key as upstream saves it: leading whitespace trimmed and the `\n` escapes of
 * a key copied out of the service account's JSON turned into line breaks.
 */
function normaliseSecret(type: DirectoryType, value: string): string {
  return type === 'gsuite' ? value.trimStart().replace(/\\n/g, '\n') : value;
}

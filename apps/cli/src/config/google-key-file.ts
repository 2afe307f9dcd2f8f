import { parseServiceAccountKey } from '@bwdc/providers';
import { DATA_KEYS, saveSecret, type DataFile } from '@bwdc/storage';

import type { ConfigActionContext } from './config-action';
import { readSecretFile } from './setting-value-source';

/**
 * `bwdc config gsuite.key --secretfile <file>` given what Google hands out: the service account's
 * JSON key file (its private key becomes the secret, its client email `gsuite.clientEmail`) or a
 * PEM file, taken whole rather than by its first line. Returns null for any other file, which
 * keeps upstream's first-line reading.
 */
export async function importGoogleKeyFile(
  path: string,
  context: ConfigActionContext,
): Promise<string | null> {
  const content = await readSecretFile(path, context);
  const start = content.trimStart();
  if (start.startsWith('{')) {
    const key = parseServiceAccountKey(content);
    await context.store.update((file) => ({
      next: withClientEmail(file, key.clientEmail),
      result: undefined,
    }));
    await saveSecret(context.secrets, await context.store.read(), 'gsuite', key.privateKey);
    return 'Saved settings `gsuite.key` and `gsuite.clientEmail` from the service account key file.';
  }
  if (start.startsWith('-----BEGIN') && start.includes('PRIVATE KEY-----')) {
    await saveSecret(context.secrets, await context.store.read(), 'gsuite', content);
    return 'Saved setting `gsuite.key`.';
  }
  return null;
}

function withClientEmail(file: DataFile, clientEmail: string): DataFile {
  const directories = DATA_KEYS.directories.read(file);
  return DATA_KEYS.directories.write(file, {
    ...directories,
    gsuite: { ...directories['gsuite'], clientEmail },
  });
}

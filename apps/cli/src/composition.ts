import * as os from 'node:os';

import type { SecretStore } from '@bwdc/core';
import { DataFileStore, createSecretStore, resolveDataFilePath } from '@bwdc/storage';

/**
 * The heavy half of the composition root: everything that reaches storage, the providers and the
 * Connector (lowdb, zod, the keychain, LDAP...). `main.ts` loads this module on first use only, so
 * that `bwdc --version` and `bwdc --help` start with commander and the output layer alone.
 */
export { openConnector, stderrLogger } from './connector-factory';
export { terminalPrompt } from './terminal-prompt';

export function dataFilePath(): string {
  return resolveDataFilePath({
    env: process.env,
    platform: process.platform,
    homeDir: os.homedir(),
    cwd: process.cwd(),
  });
}

export function openDataFile(): Promise<DataFileStore> {
  return DataFileStore.open({ file: dataFilePath() });
}

export function secretStore(store: DataFileStore): SecretStore {
  return createSecretStore(process.env, store);
}

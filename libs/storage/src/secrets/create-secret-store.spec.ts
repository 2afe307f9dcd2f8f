import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { MemorySecretStore } from '@bwdc/core/testing';

import { DataFileStore } from '../data-file-store';
import { DATA_KEYS } from '../data-file-keys';
import { createSecretStore, osKeychain } from './create-secret-store';
import { KeychainSecretStore } from './keychain-secret-store';
import { PlaintextSecretStore } from './plaintext-secret-store';
import { SecretServiceSecretStore } from './secret-service-secret-store';

describe('createSecretStore', () => {
  let folder: string;
  let dataFile: DataFileStore;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'bwdc-secrets-'));
    dataFile = await DataFileStore.open({ file: path.join(folder, 'data.json') });
    await dataFile.set(DATA_KEYS.organizationId, 'org-1');
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('keeps secrets out of the data file in keychain mode', async () => {
    const keychain = new MemorySecretStore();
    const sut = createSecretStore({}, dataFile, () => keychain);

    await sut.set('apiKeyClientSecret', 'super-secret-value');

    expect(keychain.entries.get('apiKeyClientSecret')).toBe('super-secret-value');
    expect(await readFile(dataFile.file, 'utf8')).not.toContain('super-secret-value');
  });

  it.each(['false', 'TRUE', '1', ''])(
    'stays with the keychain when the variable is %j',
    (value) => {
      const keychain = new MemorySecretStore();

      expect(
        createSecretStore(
          { BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: value },
          dataFile,
          () => keychain,
        ),
      ).toBe(keychain);
    },
  );

  it('keeps secrets in the data file when BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS=true', async () => {
    const sut = createSecretStore({ BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true' }, dataFile);

    await sut.set('apiKeyClientSecret', 'in-the-file');

    expect(sut).toBeInstanceOf(PlaintextSecretStore);
    expect(JSON.parse(await readFile(dataFile.file, 'utf8')).secrets).toEqual({
      apiKeyClientSecret: 'in-the-file',
    });
  });

  it('speaks to the Secret Service directly on Linux and uses the native keychain elsewhere', () => {
    expect(osKeychain('linux')).toBeInstanceOf(SecretServiceSecretStore);
    expect(osKeychain('darwin')).toBeInstanceOf(KeychainSecretStore);
    expect(osKeychain('win32')).toBeInstanceOf(KeychainSecretStore);
  });
});

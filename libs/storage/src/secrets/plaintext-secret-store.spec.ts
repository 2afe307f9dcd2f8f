import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { DataFileStore } from '../data-file-store';
import { PlaintextSecretStore } from './plaintext-secret-store';

describe('PlaintextSecretStore', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'bwdc-plaintext-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('stores, reads, overwrites and removes secrets in the data file', async () => {
    const file = path.join(folder, 'data.json');
    const sut = new PlaintextSecretStore(await DataFileStore.open({ file }));

    await sut.set('apiKeyClientSecret', 'first');
    await sut.set('apiKeyClientSecret', 'sëcond\nline');
    expect(await sut.get('apiKeyClientSecret')).toBe('sëcond\nline');
    expect(JSON.parse(await readFile(file, 'utf8')).secrets).toEqual({
      apiKeyClientSecret: 'sëcond\nline',
    });

    await sut.remove('apiKeyClientSecret');
    await sut.remove('never-set');
    expect(await sut.get('apiKeyClientSecret')).toBeNull();
  });
});

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { Connector } from '@bwdc/core';
import { DATA_KEYS } from '@bwdc/storage';

import { composeConnector } from './compose-connector';

describe('composeConnector', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'bwdc-desktop-compose-'));
  });

  afterEach(() => rm(folder, { recursive: true, force: true }));

  const compose = (env: Record<string, string>) =>
    composeConnector({
      dataFilePath: path.join(folder, 'data.json'),
      env,
      platform: process.platform,
      version: '0.0.0-test',
      logger: { log: () => undefined },
    });

  it('builds the Connector over the data file it opened, which it also returns', async () => {
    const { connector, dataFile } = await compose({
      BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true',
    });
    await dataFile.set(DATA_KEYS.syncState, {
      ...(await dataFile.get(DATA_KEYS.syncState)),
      lastUserSync: '2026-01-02T03:04:05.000Z',
    });

    expect(connector).toBeInstanceOf(Connector);
    expect(dataFile.file).toBe(path.join(folder, 'data.json'));
    await expect(connector.isLoggedIn()).resolves.toBe(false);
    await expect(connector.lastSync('users')).resolves.toBe('2026-01-02T03:04:05.000Z');
    await connector.clearCache();
    await expect(dataFile.get(DATA_KEYS.syncState)).resolves.toMatchObject({ lastUserSync: null });
  });

  it('reads and removes the API key in the data file when plaintext secrets are opted into', async () => {
    const { connector, dataFile } = await compose({
      BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true',
    });
    await dataFile.update((current) => ({
      next: { ...current, secrets: { apiKeyClientId: 'organization.x', apiKeyClientSecret: 's' } },
      result: undefined,
    }));

    await expect(connector.isLoggedIn()).resolves.toBe(true);
    await connector.logout();

    const stored = JSON.parse(await readFile(path.join(folder, 'data.json'), 'utf8')) as {
      secrets: Record<string, string>;
    };
    expect(stored.secrets).toEqual({});
    await expect(connector.isLoggedIn()).resolves.toBe(false);
  });
});

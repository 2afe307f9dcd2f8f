import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { DataFileConnectorStore } from './data-file-connector-store';
import { DATA_KEYS } from './data-file-keys';
import { DataFileStore } from './data-file-store';
import { PlaintextSecretStore } from './secrets/plaintext-secret-store';

describe('DataFileConnectorStore', () => {
  let dir: string;
  let file: DataFileStore;
  let store: DataFileConnectorStore;
  const secrets = () => new PlaintextSecretStore(file);

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bwdc-connector-store-'));
    file = await DataFileStore.open({ file: path.join(dir, 'data.json') });
    store = new DataFileConnectorStore(file, secrets());
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const someState = {
    lastSyncHash: 'hash',
    lastUserSync: '2026-11-26T10:00:00.000Z',
    lastGroupSync: '2026-11-26T10:00:00.000Z',
    userDeltaToken: null,
    groupDeltaToken: null,
    lastSyncUserCount: null,
  };

  it('reads the active profile’s directory settings, sync options and state', async () => {
    await file.set(DATA_KEYS.directoryType, 'ldap');
    await file.set(DATA_KEYS.directories, { ldap: { hostname: 'dc1' }, okta: { orgUrl: 'x' } });
    await store.setSyncState(someState);

    const configuration = await store.read();

    expect(configuration).toMatchObject({
      directoryType: 'ldap',
      directory: { hostname: 'dc1' },
      state: someState,
    });
  });

  it('clears every profile’s sync state when another organization logs in, not the same one', async () => {
    await store.setOrganization('org-1');
    await store.setSyncState(someState);

    await store.setOrganization('org-1');
    expect((await store.read()).state).toEqual(someState);

    await store.setOrganization('org-2');
    expect((await store.read()).state.lastSyncHash).toBeNull();
  });

  it('creates the device id once', async () => {
    const first = await store.appId(() => 'id-1');
    const second = await store.appId(() => 'id-2');

    expect([first, second]).toEqual(['id-1', 'id-1']);
  });

  it('finds the directory secret under upstream’s scoped key, then its unscoped one', async () => {
    await file.set(DATA_KEYS.directoryType, 'ldap');
    await file.set(DATA_KEYS.directories, { ldap: { id: 'cfg-7' } });
    await secrets().set('secretLdap', 'old-unscoped');
    const { directory } = await store.read();
    expect(await store.directorySecrets('ldap', directory)).toEqual({ password: 'old-unscoped' });

    await secrets().set('secretLdap:cfg-7', 'scoped');
    expect(await store.directorySecrets('ldap', directory)).toEqual({ password: 'scoped' });
  });

  it('has no directory secrets for a type that keeps none', async () => {
    expect(await store.directorySecrets('file', {})).toEqual({});
  });
});

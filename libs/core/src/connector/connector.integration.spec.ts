import { startBitwardenServer, type RunningBitwardenServer } from '@bwdc/bitwarden-server';

import type { DirectoryUser } from '../model/directory-user';
import type {
  DirectoryProvider,
  DirectoryReadRequest,
  DirectorySnapshot,
} from '../ports/directory-provider';
import { aUser } from '../testing/builders';
import { MemoryConnectorStore } from '../testing/memory-connector-store';
import { MemorySecretStore } from '../testing/memory-secret-store';
import { Connector } from './connector';
import { EMPTY_SYNC_STATE } from './connector-store';

const ORG_ID = '3f1e7a52-8c4d-4b6e-9a0f-1d2c3b4a5e6f';
const API_KEY = {
  clientId: `organization.${ORG_ID}`,
  clientSecret: 'k3yS3cr3tThirtyCharactersLong0',
};

/** A directory that answers with whatever users the test puts in, recording each request. */
class ScriptedDirectory implements DirectoryProvider {
  readonly type = 'file';
  readonly requests: DirectoryReadRequest[] = [];
  users: DirectoryUser[] = [aUser('alice'), aUser('bob')];
  async read(request: DirectoryReadRequest): Promise<DirectorySnapshot> {
    this.requests.push(request);
    const at = request.startedAt.toISOString();
    return {
      users: this.users,
      groups: [],
      cursor: { usersReadAt: at, groupsReadAt: at, userDeltaToken: null, groupDeltaToken: null },
    };
  }
}

describe('Connector with the local Bitwarden server', () => {
  let server: RunningBitwardenServer;
  let store: MemoryConnectorStore;
  let secrets: MemorySecretStore;
  let directory: ScriptedDirectory;
  let now: Date;

  const connector = () =>
    new Connector({
      store,
      secrets,
      createProvider: (_type, context) => {
        expect(context.secrets).toEqual({ password: 'directory-password' });
        return directory;
      },
      logger: { log: () => undefined },
      platform: 'linux',
      clientVersion: '1.2.3',
      source: 'cli',
      clock: { now: () => now },
    });
  const imports = () => server.requests.filter((request) => request.path.endsWith('/import'));

  beforeEach(async () => {
    server = await startBitwardenServer({
      seed: {
        organizations: [
          {
            id: ORG_ID,
            apiKey: API_KEY.clientSecret,
            members: [{ email: 'owner@example.com', type: 'owner', status: 'confirmed' }],
            groups: [],
          },
        ],
      },
    });
    store = new MemoryConnectorStore(
      {
        server: { base: server.url },
        organizationId: null,
        directoryType: 'file',
        directory: {},
        sync: {
          users: true,
          groups: true,
          removeDisabled: false,
          overwriteExisting: false,
          largeImport: false,
          inviteUsersAfterProvisioning: false,
          maxRemovals: 10,
          maxRemovalsPercent: 10,
        },
        state: EMPTY_SYNC_STATE,
      },
      { password: 'directory-password' },
    );
    secrets = new MemorySecretStore();
    directory = new ScriptedDirectory();
    now = new Date('2026-11-26T10:00:00.000Z');
    await connector().login(API_KEY);
  });

  afterEach(async () => {
    await server.stop();
  });

  it('keeps the API key and the organization after the server accepted the key', () => {
    expect(secrets.entries.get('apiKeyClientId')).toBe(API_KEY.clientId);
    expect(store.configuration.organizationId).toBe(ORG_ID);
  });

  it('reads only what changed since the stored cursor, and saves the new one after the import', async () => {
    await connector().sync();
    now = new Date('2026-11-26T11:00:00.000Z');
    directory.users = [aUser('carol')];

    const report = await connector().sync();

    expect(
      directory.requests.map((request) => [request.mode, request.cursor?.usersReadAt]),
    ).toEqual([
      ['delta', null],
      ['delta', '2026-11-26T10:00:00.000Z'],
    ]);
    expect(report).toMatchObject({ outcome: 'send', mode: 'delta', requestsSent: 1 });
    expect(store.configuration.state.lastUserSync).toBe('2026-11-26T11:00:00.000Z');
  });

  it('records when users and groups were synced even for a provider that keeps no read time', async () => {
    directory.read = async () => ({
      users: directory.users,
      groups: [],
      cursor: {
        usersReadAt: null,
        groupsReadAt: null,
        userDeltaToken: null,
        groupDeltaToken: null,
      },
    });

    await connector().sync();

    expect(await connector().lastSync('users')).toBe('2026-11-26T10:00:00.000Z');
    expect(await connector().lastSync('groups')).toBe('2026-11-26T10:00:00.000Z');
  });

  it('always reads the whole directory when overwrite is on: a partial read would remove people', async () => {
    await connector().sync();
    store.configuration = {
      ...store.configuration,
      sync: { ...store.configuration.sync, overwriteExisting: true },
    };

    const report = await connector().sync();

    expect(directory.requests.at(-1)).toMatchObject({ mode: 'full', cursor: null });
    expect(report.mode).toBe('full');
  });

  it('sends nothing for an unchanged directory, and says so', async () => {
    await connector().sync();

    const report = await connector().sync();

    expect(report).toMatchObject({ outcome: 'unchanged', requestsSent: 0 });
    expect(imports()).toHaveLength(1);
  });

  it('keeps the last sync as it was when the server refuses the import', async () => {
    await connector().sync();
    const before = store.configuration.state;
    directory.users = [aUser('dave')];
    now = new Date('2026-11-26T12:00:00.000Z');
    server.injectFault({ route: 'import', times: 10, kind: 'status', status: 400 });

    await expect(connector().sync()).rejects.toMatchObject({ side: 'bitwarden' });

    expect(store.configuration.state).toEqual(before);
  });

  it('keeps the last fingerprint when a read finds nothing to send', async () => {
    await connector().sync();
    const hash = store.configuration.state.lastSyncHash;
    directory.users = [];

    const report = await connector().sync();

    expect(report.outcome).toBe('empty');
    expect(store.configuration.state.lastSyncHash).toBe(hash);
  });

  it('tests without sending or saving anything, reading everything unless asked for the changes', async () => {
    const result = await connector().test({ sinceLast: false });
    await connector().test({ sinceLast: true });

    expect(result.plan.users.map((user) => user.externalId)).toEqual(['alice', 'bob']);
    expect(directory.requests.map((request) => [request.mode, request.dryRun])).toEqual([
      ['full', true],
      ['delta', true],
    ]);
    expect(imports()).toEqual([]);
    expect(store.configuration.state).toEqual(EMPTY_SYNC_STATE);
  });

  it('forgets the API key on logout and then refuses to sync', async () => {
    await connector().logout();

    expect(secrets.entries.size).toBe(0);
    await expect(connector().sync()).rejects.toMatchObject({ code: 'NOT_LOGGED_IN' });
  });
});

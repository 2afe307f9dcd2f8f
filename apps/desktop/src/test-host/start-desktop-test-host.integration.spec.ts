import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { startBitwardenServer, type RunningBitwardenServer } from '@bwdc/bitwarden-server';
import { normaliseServerUrl, type Logger } from '@bwdc/core';
import { startOpenLdap, type RunningOpenLdap } from '@bwdc/directory-servers';
import { DATA_KEYS, createSecretStore, type DataFileStore } from '@bwdc/storage';

import { NO_DESKTOP_SHELL } from '../main/bridge/desktop-shell';
import { composeDesktop, type ComposedDesktop } from '../main/compose-desktop';
import type { ConnectorBridge } from '../shared/connector-bridge';
import { CONNECTOR_CHANNELS } from '../shared/connector-channels';
import { connectorClient } from '../shared/connector-client';
import { httpInvoke } from '../shared/http-invoke';
import { startDesktopTestHost, type DesktopTestHost } from './start-desktop-test-host';
import { rawRequest } from './testing/raw-request';

const ORG_ID = '3f1e7a52-8c4d-4b6e-9a0f-1d2c3b4a5e6f';
const CLIENT_ID = `organization.${ORG_ID}`;
const CLIENT_SECRET = 'k3yS3cr3tThirtyCharactersLong0';
const fixtures = path.resolve(__dirname, '../../../../tools/directory-servers/openldap/fixtures');
const ENV = { BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true' };
const silent: Logger = { log: () => undefined };

/**
 * The renderer's view of the app, minus the browser: `connectorClient(httpInvoke(...))` against
 * the test host over the real Connector (a data file in a temporary folder, secrets in it), the
 * local Bitwarden server and a real slapd with upstream's fixture.
 */
describe('the desktop test host over the real Connector, Bitwarden server and slapd', () => {
  let bitwarden: RunningBitwardenServer;
  let ldap: RunningOpenLdap;
  let dir: string;
  let host: DesktopTestHost;
  let client: ConnectorBridge;
  let desktop: ComposedDesktop;

  beforeAll(async () => {
    [bitwarden, ldap] = await Promise.all([
      startBitwardenServer({
        seed: {
          organizations: [
            {
              id: ORG_ID,
              apiKey: CLIENT_SECRET,
              members: [{ email: 'owner@example.com', type: 'owner', status: 'confirmed' }],
              groups: [],
            },
          ],
        },
      }),
      startOpenLdap({ seed: { files: [path.join(fixtures, 'directory-20.ldif')] } }),
    ]);
    dir = await mkdtemp(path.join(os.tmpdir(), 'bwdc-desktop-host-'));
    desktop = await composeDesktop({
      dataFilePath: path.join(dir, 'data.json'),
      env: ENV,
      platform: process.platform,
      version: '0.0.0-test',
      logger: silent,
      shell: NO_DESKTOP_SHELL,
    });
    await configure(desktop.dataFile);
    host = await startDesktopTestHost({ bridge: desktop.bridge });
    client = connectorClient(httpInvoke(host.url, host.token));
  }, 60_000);

  afterAll(async () => {
    await Promise.all([host?.stop(), desktop?.dispose(), bitwarden?.stop(), ldap?.stop()]);
    await rm(dir, { recursive: true, force: true });
  });

  /** Upstream's LDAP test settings, as `bwdc config` stores them in cli.integration.spec.ts. */
  async function configure(dataFile: DataFileStore): Promise<void> {
    await dataFile.update((current) => {
      let next = DATA_KEYS.server.write(current, {
        base: normaliseServerUrl(bitwarden.url),
        api: null,
        identity: null,
        webVault: null,
      });
      next = DATA_KEYS.directoryType.write(next, 'ldap');
      next = DATA_KEYS.directories.write(next, {
        ldap: {
          hostname: '127.0.0.1',
          port: Number(new URL(ldap.url).port),
          rootPath: ldap.suffix,
          username: ldap.reader.dn,
          ad: false,
        },
      });
      next = DATA_KEYS.syncOptions.write(next, {
        ...DATA_KEYS.syncOptions.read(next),
        users: true,
        groups: true,
        userObjectClass: 'person',
        groupObjectClass: 'posixGroup',
        groupNameAttribute: 'cn',
        userEmailAttribute: 'mail',
        memberAttribute: 'memberUid',
      });
      return { next, result: undefined };
    });
    await createSecretStore(ENV, dataFile).set('secretLdap', ldap.reader.password);
  }

  const members = () =>
    bitwarden
      .organization(ORG_ID)
      .members.filter((member) => member.externalId !== null)
      .map((member) => member.email)
      .sort();

  it('refuses test before login, with the remedy the UI shows', async () => {
    await expect(client.isLoggedIn()).resolves.toBe(false);
    await expect(client.test({ sinceLast: false })).rejects.toMatchObject({
      name: 'ConnectorCallError',
      side: 'configuration',
      message: expect.stringContaining('You are not logged in.'),
    });
  });

  it('names a wrong API key as the Bitwarden server’s refusal', async () => {
    await expect(
      client.login({ clientId: CLIENT_ID, clientSecret: 'wrong-secret-wrong-secret-wrong0' }),
    ).rejects.toMatchObject({ name: 'ConnectorCallError', side: 'bitwarden' });
  });

  it('logs in with the organization API key', async () => {
    await expect(
      client.login({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
    ).resolves.toEqual({ organizationId: ORG_ID });
    await expect(client.isLoggedIn()).resolves.toBe(true);
  });

  it('tests: 20 users and 5 groups from slapd, sending nothing', async () => {
    const view = await client.test({ sinceLast: false });

    expect(view.enabledUsers).toHaveLength(20);
    expect(view.disabledUsers).toEqual([]);
    expect(view.deletedUsers).toEqual([]);
    expect(
      Object.fromEntries(view.groups.map((group) => [group.name, group.memberExternalIds.length])),
    ).toEqual({ 'Blue Team': 3, 'Red Team': 2, Cleaners: 0, 'DevOps Team': 3, 'Security Team': 2 });
    expect(members()).toEqual([]);
  });

  it('syncs the members into the organization, then reports an unchanged directory', async () => {
    const first = await client.syncNow();
    const second = await client.syncNow();

    expect(first).toMatchObject({ status: 'ok', outcome: 'send', trigger: 'manual' });
    expect(first.status === 'ok' && first.requestsSent).toBeGreaterThan(0);
    expect(members()).toHaveLength(20);
    expect(second).toMatchObject({ status: 'ok', outcome: 'unchanged', requestsSent: 0 });
    expect((await client.status()).schedule.history).toEqual([second, first]);
  }, 30_000);

  it('tells when users and groups were last synced', async () => {
    const users = await client.lastSync('users');
    const groups = await client.lastSync('groups');

    expect(users).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(groups).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('refuses invalid arguments in main’s envelope before the Connector runs', async () => {
    const imports = () => bitwarden.requests.filter((r) => r.path.endsWith('/import')).length;
    const before = imports();

    await expect(
      client.test({ sinceLast: 'yes' } as unknown as { sinceLast: boolean }),
    ).rejects.toMatchObject({ code: 'IPC_INVALID_ARGUMENTS' });
    expect(imports()).toBe(before);
  });

  it('keeps the real Connector behind the token, the origin and the channel map', async () => {
    const post = (channel: string, headers: Record<string, string>) =>
      rawRequest(host.url, {
        path: `/bridge/${channel}`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ args: [] }),
      });

    const noToken = await post(CONNECTOR_CHANNELS.logout, {});
    const foreign = await post(CONNECTOR_CHANNELS.logout, {
      'X-Bridge-Token': host.token,
      Origin: 'https://evil.example',
    });
    const unknown = await post('connector:export-secrets', { 'X-Bridge-Token': host.token });

    expect([noToken.status, foreign.status, unknown.status]).toEqual([401, 403, 404]);
    await expect(client.isLoggedIn()).resolves.toBe(true);
    for (const response of [noToken, foreign, unknown]) {
      expect(response.body).not.toContain(CLIENT_SECRET);
      expect(response.body).not.toContain(ldap.reader.password);
    }
  });

  it('clears the cache, so the next sync sends everything again', async () => {
    await client.clearCache();

    await expect(client.syncNow()).resolves.toMatchObject({ status: 'ok', outcome: 'send' });
  }, 30_000);

  it('logs out', async () => {
    await client.logout();

    await expect(client.isLoggedIn()).resolves.toBe(false);
  });
});

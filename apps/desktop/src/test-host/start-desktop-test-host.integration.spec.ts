import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { startBitwardenServer, type RunningBitwardenServer } from '@bwdc/bitwarden-server';
import type { Logger } from '@bwdc/core';
import { startOpenLdap, type RunningOpenLdap } from '@bwdc/directory-servers';
import { DATA_KEYS, DataFileStore } from '@bwdc/storage';

import { NO_DESKTOP_SHELL } from '../main/bridge/desktop-shell';
import { composeDesktop, type ComposedDesktop } from '../main/compose-desktop';
import type { BridgeEvent } from '../shared/bridge-events';
import type { ConnectorBridge } from '../shared/connector-bridge';
import { CONNECTOR_CHANNELS } from '../shared/connector-channels';
import { connectorClient } from '../shared/connector-client';
import { httpInvoke } from '../shared/http-invoke';
import { scaledTime } from './scaled-time';
import { startDesktopTestHost, type DesktopTestHost } from './start-desktop-test-host';
import { rawRequest } from './testing/raw-request';

const ORG_ID = '3f1e7a52-8c4d-4b6e-9a0f-1d2c3b4a5e6f';
const CLIENT_ID = `organization.${ORG_ID}`;
const CLIENT_SECRET = 'k3yS3cr3tThirtyCharactersLong0';
const fixtures = path.resolve(__dirname, '../../../../tools/directory-servers/openldap/fixtures');
const ENV = { BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true' };
const silent: Logger = { log: () => undefined };
/**
 * Members a directory synced once and no longer lists, with accounts (confirmed, master password):
 * what overwrite removes, and the server lets it. Twelve, more than the guard's default limit.
 */
const FORMER_MEMBERS = Array.from({ length: 12 }, (_, index) => ({
  email: `former${index}@example.com`,
  externalId: `uid=former${index}`,
  type: 'user' as const,
  status: 'confirmed' as const,
  hasMasterPassword: true,
}));
const isFormer = (email: string) => /^former\d+@/.test(email);

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
              members: [
                { email: 'owner@example.com', type: 'owner', status: 'confirmed' },
                ...FORMER_MEMBERS,
              ],
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
      // The scheduler's 5-minute minimum interval passes in a second.
      ...scaledTime(300),
    });
    host = await startDesktopTestHost({ bridge: desktop.bridge });
    client = connectorClient(httpInvoke(host.url, host.token));
    await configure();
  }, 60_000);

  afterAll(async () => {
    await Promise.all([host?.stop(), desktop?.dispose(), bitwarden?.stop(), ldap?.stop()]);
    await rm(dir, { recursive: true, force: true });
  });

  /** Upstream's LDAP test settings, as `bwdc config` stores them in cli.integration.spec.ts. */
  async function configure(): Promise<void> {
    await client.setServer({ base: bitwarden.url });
    const saved = await client.saveSettings({
      directoryType: 'ldap',
      directory: {
        hostname: '127.0.0.1',
        port: Number(new URL(ldap.url).port),
        rootPath: ldap.suffix,
        username: ldap.reader.dn,
        ad: false,
      },
      sync: {
        users: true,
        groups: true,
        userObjectClass: 'person',
        groupObjectClass: 'posixGroup',
        groupNameAttribute: 'cn',
        userEmailAttribute: 'mail',
        memberAttribute: 'memberUid',
      },
      secret: ldap.reader.password,
    });
    expect(saved).toEqual({ saved: true });
  }

  const members = () =>
    bitwarden
      .organization(ORG_ID)
      .members.filter((member) => member.externalId !== null && !isFormer(member.email))
      .map((member) => member.email)
      .sort();
  const formerMembers = () =>
    bitwarden.organization(ORG_ID).members.filter((member) => isFormer(member.email));

  /**
   * Starts listening to main's events as the renderer does (cursor 0 answers with the current
   * one); the function it gives polls until `done` holds for the events seen since, or 20 s pass.
   */
  async function listen(): Promise<
    (done: (seen: readonly BridgeEvent[]) => boolean) => Promise<BridgeEvent[]>
  > {
    let cursor = (await client.events(0)).cursor;
    const seen: BridgeEvent[] = [];
    return async (done) => {
      const deadline = Date.now() + 20_000;
      while (!done(seen)) {
        if (Date.now() > deadline) {
          throw new Error(`Gave up waiting; events seen: ${JSON.stringify(seen)}`);
        }
        const batch = await client.events(cursor);
        cursor = batch.cursor;
        seen.push(...batch.events);
      }
      return seen;
    };
  }

  it('shows the status the dashboard reads, from the data file the settings went to', async () => {
    const status = await client.status();

    expect(status).toMatchObject({
      version: '0.0.0-test',
      dataFilePath: path.join(dir, 'data.json'),
      loggedIn: false,
      organizationId: null,
      server: { base: bitwarden.url.replace(/\/+$/, '') },
      profile: 'default',
      profiles: ['default'],
      directoryType: 'ldap',
      lastUserSync: null,
      schedule: { running: false, syncing: false, intervalMinutes: 5 },
      history: [],
    });
  });

  it('reads the settings back with the secret set but never shown, and refuses invalid ones', async () => {
    const view = await client.settings();
    const invalid = await client.saveSettings({
      directoryType: 'ldap',
      directory: { port: 70_000 },
      sync: {},
    });

    expect(view.directories['ldap']).toMatchObject({ hostname: '127.0.0.1', ad: false });
    expect(view.forms.directories.find((form) => form.type === 'ldap')?.secret).toEqual({
      name: 'password',
      isSet: true,
    });
    expect(JSON.stringify(view)).not.toContain(ldap.reader.password);
    expect(invalid).toEqual({
      saved: false,
      problems: [expect.objectContaining({ section: 'directory', field: 'port' })],
    });
    expect((await client.settings()).directories['ldap']).toMatchObject({
      port: Number(new URL(ldap.url).port),
    });
  });

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

  it('previews the first sync: 20 members to add, nothing removed, nothing sent', async () => {
    const imports = () => bitwarden.requests.filter((r) => r.path.endsWith('/import')).length;

    const view = await client.planSync();

    expect(view.members.added).toHaveLength(20);
    expect(view.members.removed).toEqual([]);
    expect(view.groups.created.map((group) => group.name).sort()).toEqual([
      'Blue Team',
      'Cleaners',
      'DevOps Team',
      'Red Team',
      'Security Team',
    ]);
    expect(view.seats.members).toBe(13);
    expect(view.guard).toMatchObject({ removals: 0, tooManyRemovals: false });
    expect(imports()).toBe(0);
    expect((await client.status()).history[0]).toMatchObject({
      kind: 'plan',
      source: 'desktop',
      outcome: 'planned',
    });
  }, 30_000);

  it('syncs the members into the organization, then reports an unchanged directory', async () => {
    const first = await client.syncNow({ force: false });
    const second = await client.syncNow({ force: false });

    expect(first).toMatchObject({ kind: 'synced', outcome: 'send' });
    expect(first.kind === 'synced' && first.requestsSent).toBeGreaterThan(0);
    expect(members()).toHaveLength(20);
    expect(second).toMatchObject({ kind: 'synced', outcome: 'unchanged', requestsSent: 0 });
    expect((await client.status()).history.slice(0, 2)).toMatchObject([
      { kind: 'sync', source: 'desktop', trigger: 'manual', outcome: 'unchanged' },
      { kind: 'sync', source: 'desktop', trigger: 'manual', outcome: 'sent' },
    ]);
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

    await expect(client.syncNow({ force: false })).resolves.toMatchObject({
      kind: 'synced',
      outcome: 'send',
    });
  }, 30_000);

  it('runs a scheduled sync after Start Sync, announcing its progress and the new status', async () => {
    await client.clearCache();
    const eventsUntil = await listen();
    const started = await client.startSchedule();
    expect(started).toMatchObject({ running: true, nextRunAt: expect.any(String) });

    const seen = await eventsUntil((events) =>
      events.some((event) => event.type === 'operation-finished' && event.operation === 'sync'),
    );
    // The run's record is saved after the read ends, and other changes (the sync state written to
    // the data file) are announced meanwhile: read the status at each change until it is in.
    const changes = () => seen.filter((event) => event.type === 'status-changed').length;
    let { schedule, history } = await client.status();
    while (history[0]?.trigger !== 'schedule') {
      const before = changes();
      await eventsUntil(() => changes() > before);
      ({ schedule, history } = await client.status());
    }

    expect(seen).toContainEqual(
      expect.objectContaining({ type: 'progress', operation: 'sync', users: 20 }),
    );
    expect(seen).toContainEqual({ type: 'status-changed' });
    expect(history[0]).toMatchObject({
      kind: 'sync',
      source: 'desktop',
      trigger: 'schedule',
      outcome: 'sent',
    });
    expect(schedule).toMatchObject({ running: true });
    await expect(client.stopSchedule()).resolves.toMatchObject({ running: false, nextRunAt: null });
  }, 30_000);

  it('announces a change another process (bwdc) made to the data file, and shows it', async () => {
    const otherProcess = await DataFileStore.open({ file: path.join(dir, 'data.json') });
    const eventsUntil = await listen();
    const watching = eventsUntil(
      (events) =>
        events.some((e) => e.type === 'settings-changed') &&
        events.some((e) => e.type === 'status-changed'),
    );

    await otherProcess.set(DATA_KEYS.syncOptions, {
      ...(await otherProcess.get(DATA_KEYS.syncOptions)),
      interval: 15,
    });

    await watching;
    expect((await client.status()).schedule.intervalMinutes).toBe(15);
    expect((await client.settings()).sync['interval']).toBe(15);
  }, 30_000);

  it('adds, switches and removes profiles, refusing to remove the active one', async () => {
    await client.addProfile('eu-office');
    await client.switchProfile('eu-office');

    await expect(client.status()).resolves.toMatchObject({
      profile: 'eu-office',
      profiles: ['default', 'eu-office'],
      directoryType: null,
    });
    await expect(client.removeProfile('eu-office')).rejects.toMatchObject({
      code: 'PROFILE_ACTIVE',
      remedy: expect.stringContaining('Switch to another profile'),
    });
    await client.switchProfile('default');
    await client.removeProfile('eu-office');
    await expect(client.status()).resolves.toMatchObject({
      profile: 'default',
      profiles: ['default'],
      directoryType: 'ldap',
    });
  });

  it('keeps a log of the runs for the More screen, and has no dialog or file manager here', async () => {
    const logs = await client.logs();

    expect(logs.map((line) => line.message)).toContainEqual(
      expect.stringMatching(/^Scheduled sync sent 20 users and 5 groups to Bitwarden/),
    );
    expect(JSON.stringify(logs)).not.toContain(CLIENT_SECRET);
    await expect(client.pickFile({ title: 'CA certificate' })).resolves.toBeNull();
    await expect(client.showDataFile()).resolves.toBeUndefined();
  });

  it('refuses a sync that would remove more members than the guard allows, until confirmed', async () => {
    const syncOptions = (fields: Record<string, boolean>) =>
      client.saveSettings({ directoryType: 'ldap', directory: {}, sync: fields });
    // Overwrite removes the 12 members the directory does not list: more than the limit of 10.
    await syncOptions({ overwriteExisting: true });

    const refused = await client.syncNow({ force: false });

    expect(refused).toMatchObject({
      kind: 'guard-refused',
      refusal: { reason: 'too-many-removals', limit: 10, organizationMembers: 33 },
    });
    expect(
      refused.kind === 'guard-refused' && refused.refusal.reason === 'too-many-removals'
        ? refused.refusal.removals.map((removal) => `${removal.email} ${removal.reason}`).sort()
        : [],
    ).toEqual(FORMER_MEMBERS.map((member) => `${member.email} unlisted`).sort());
    expect(formerMembers()).toHaveLength(12);
    expect((await client.status()).history[0]).toMatchObject({
      kind: 'sync',
      source: 'desktop',
      outcome: 'refused',
      guard: { reason: 'too-many-removals', removals: 12, limit: 10, overridden: false },
    });

    const confirmed = await client.syncNow({ force: true });

    expect(confirmed).toMatchObject({ kind: 'synced' });
    expect(formerMembers()).toEqual([]);
    expect(members()).toHaveLength(20);
    expect((await client.status()).history[0]).toMatchObject({
      kind: 'sync',
      outcome: 'sent',
      guard: { overridden: true },
    });
    await syncOptions({ overwriteExisting: false });
  }, 60_000);

  it('logs out', async () => {
    await client.logout();

    await expect(client.isLoggedIn()).resolves.toBe(false);
    await expect(client.status()).resolves.toMatchObject({ loggedIn: false });
  });
});

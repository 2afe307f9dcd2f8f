import { startBitwardenServer, type RunningBitwardenServer } from '@bwdc/bitwarden-server';

import { BitwardenError } from '../bitwarden/bitwarden-error';
import { DeletionGuardError, EmptyDirectoryReadError } from '../guard/deletion-guard.error';
import type { DirectoryUser } from '../model/directory-user';
import type { DirectoryProvider, DirectorySnapshot } from '../ports/directory-provider';
import { aGroup, aUser } from '../testing/builders';
import { MemoryConnectorStore } from '../testing/memory-connector-store';
import { MemorySecretStore } from '../testing/memory-secret-store';
import { Connector } from './connector';
import { EMPTY_SYNC_STATE } from './connector-store';

const ORG_ID = '7a3e5c10-2b4d-4f6a-8c9e-0d1f2a3b4c5d';
const API_KEY = {
  clientId: `organization.${ORG_ID}`,
  clientSecret: 'S4fetyTestSecretThirtyChars000',
};
const PEOPLE = Array.from({ length: 100 }, (_, index) => `person${String(index).padStart(3, '0')}`);

/** An export-like directory: every read returns everything, and keeps no position. */
class WholeDirectory implements DirectoryProvider {
  readonly type = 'file';
  users: DirectoryUser[] = PEOPLE.map((id) => aUser(id));
  async read(): Promise<DirectorySnapshot> {
    return {
      users: this.users,
      groups: [aGroup('staff', { users: this.users.map((user) => user.externalId) })],
      cursor: {
        usersReadAt: null,
        groupsReadAt: null,
        userDeltaToken: null,
        groupDeltaToken: null,
      },
    };
  }
}

/**
 * The Connector's safety rails against the local Bitwarden server: the preview sends nothing, the
 * deletion guard and the empty-read check refuse unless forced, and every run is in the history.
 */
describe('Connector: plan, deletion guard and run history', () => {
  let server: RunningBitwardenServer;
  let store: MemoryConnectorStore;
  let directory: WholeDirectory;

  const connector = (source: 'cli' | 'service' = 'cli') =>
    new Connector({
      store,
      secrets,
      createProvider: () => directory,
      logger: { log: () => undefined },
      platform: 'linux',
      clientVersion: '1.2.3',
      source,
    });
  let secrets: MemorySecretStore;
  const imports = () => server.requests.filter((request) => request.path.endsWith('/import'));
  const memberEmails = () =>
    server
      .organization(ORG_ID)
      .members.map((member) => member.email)
      .sort();
  const disable = (count: number) => {
    directory.users = directory.users.map((user, index) =>
      index < count ? { ...user, disabled: true } : user,
    );
  };

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
    store = new MemoryConnectorStore({
      server: { base: server.url },
      organizationId: null,
      directoryType: 'file',
      directory: {},
      sync: {
        users: true,
        groups: true,
        removeDisabled: true,
        overwriteExisting: false,
        largeImport: false,
        inviteUsersAfterProvisioning: false,
        maxRemovals: 10,
        maxRemovalsPercent: 10,
      },
      state: EMPTY_SYNC_STATE,
    });
    secrets = new MemorySecretStore();
    directory = new WholeDirectory();
    await connector().login(API_KEY);
    await connector().sync({ force: false });
  });

  afterEach(async () => {
    await server.stop();
  });

  it('previews the removals a sync would make, sends nothing, and names the guard’s verdict', async () => {
    disable(30);
    const importsBefore = imports().length;

    const plan = await connector().plan({});

    expect(plan.outcome).toBe('send');
    expect(plan.organization.members.removed.map((member) => member.email).sort()).toEqual(
      PEOPLE.slice(0, 30).map((id) => `${id}@example.com`),
    );
    expect(plan.organization.members.removed.every((member) => member.reason === 'disabled')).toBe(
      true,
    );
    expect(plan.guard).toEqual({
      removals: 30,
      limit: 10,
      organizationMembers: 101,
      tooManyRemovals: true,
      emptyReadAfter: null,
    });
    expect(imports()).toHaveLength(importsBefore);
    expect(store.recorded[0]).toMatchObject({
      kind: 'plan',
      outcome: 'planned',
      plannedRemovals: 30,
    });
  });

  it('refuses a sync that removes 30 of 101 members, listing them, and records the refusal', async () => {
    disable(30);
    const importsBefore = imports().length;

    const refusal = await connector('service')
      .sync({ force: false, trigger: 'schedule' })
      .catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(DeletionGuardError);
    const guardError = refusal as DeletionGuardError;
    expect(guardError.removals).toHaveLength(30);
    expect(guardError.limit).toBe(10);
    expect(guardError.message).toContain('person000@example.com (disabled)');
    expect(imports()).toHaveLength(importsBefore);
    expect(memberEmails()).toHaveLength(101);
    expect(store.recorded[0]).toMatchObject({
      kind: 'sync',
      source: 'service',
      trigger: 'schedule',
      outcome: 'refused',
      plannedRemovals: 30,
      guard: { reason: 'too-many-removals', removals: 30, limit: 10, overridden: false },
      error: { code: 'DELETION_GUARD_TRIPPED', side: 'directory' },
    });
    // Nothing was saved as synced: the next sync tries the same again.
    expect(store.configuration.state.lastSyncUserCount).toBe(100);
  });

  it('applies the removals when forced, and records that the guard was overridden', async () => {
    disable(30);

    const report = await connector().sync({ force: true });

    expect(report.guard).toMatchObject({ removals: 30, tooManyRemovals: true });
    expect(memberEmails()).toHaveLength(71);
    expect(store.recorded[0]).toMatchObject({
      outcome: 'sent',
      batches: 1,
      guard: { reason: 'too-many-removals', overridden: true },
      counts: { usersRead: 100, membersSent: 100, groupsSent: 1 },
    });
  });

  it('lets a sync within the limit through without asking', async () => {
    disable(5);

    const report = await connector().sync({ force: false });

    expect(report.guard).toMatchObject({ removals: 5, limit: 10, tooManyRemovals: false });
    expect(memberEmails()).toHaveLength(96);
  });

  it('refuses a whole read that returns nobody after a sync that had 100, unless forced', async () => {
    directory.users = [];

    await expect(connector().sync({ force: false })).rejects.toBeInstanceOf(
      EmptyDirectoryReadError,
    );
    expect(store.recorded[0]).toMatchObject({
      outcome: 'refused',
      guard: { reason: 'empty-read', overridden: false },
      error: { code: 'EMPTY_DIRECTORY_READ' },
    });

    await connector().sync({ force: true });
    expect(store.configuration.state.lastSyncUserCount).toBe(0);
    // Afterwards an empty read is what the last sync saw: no longer refused.
    await expect(connector().sync({ force: false })).resolves.toMatchObject({
      outcome: 'unchanged',
    });
  });

  it('records tests, unchanged syncs and failures with their source, counts and error side', async () => {
    await connector().test({ sinceLast: false });
    await connector().sync({ force: false });
    server.injectFault({ route: 'import', times: 1, kind: 'status', status: 400 });
    disable(1);
    await expect(connector().sync({ force: false })).rejects.toBeInstanceOf(BitwardenError);

    const [failed, unchanged, tested, firstSync] = await connector().history();
    expect(tested).toMatchObject({ kind: 'test', outcome: 'read', mode: 'full', batches: 0 });
    expect(tested?.counts).toMatchObject({ usersRead: 100, groupsRead: 1, membersSent: 0 });
    expect(unchanged).toMatchObject({
      kind: 'sync',
      outcome: 'unchanged',
      counts: { membersSent: 0, membersUnchanged: 100, groupsUnchanged: 1 },
    });
    expect(failed).toMatchObject({
      kind: 'sync',
      outcome: 'failed',
      batches: 0,
      error: { side: 'bitwarden' },
    });
    expect(firstSync).toMatchObject({ kind: 'sync', outcome: 'sent', source: 'cli' });
  });
  it('records where the time of each run went, a failed phase included', async () => {
    const timed = expect.any(Number);
    await connector().test({ sinceLast: false });
    disable(1);
    await connector().sync({ force: false });
    await connector().plan({});
    server.injectFault({ route: 'import', times: 1, kind: 'status', status: 400 });
    disable(2);
    await expect(connector().sync({ force: false })).rejects.toBeInstanceOf(BitwardenError);

    const [failed, planned, synced, tested] = await connector().history();
    expect(tested?.phases).toEqual({
      readMs: timed,
      planMs: timed,
      organizationMs: null,
      importMs: null,
    });
    expect(synced?.phases).toEqual({
      readMs: timed,
      planMs: timed,
      organizationMs: timed,
      importMs: timed,
    });
    expect(synced).toMatchObject({ kind: 'sync', outcome: 'sent' });
    expect(planned).toMatchObject({ kind: 'plan' });
    expect(planned?.phases).toMatchObject({ organizationMs: timed, importMs: null });
    expect(failed).toMatchObject({ outcome: 'failed' });
    expect(failed?.phases.importMs).toEqual(timed);
  });
});

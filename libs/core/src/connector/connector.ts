import { randomUUID } from 'node:crypto';

import { BitwardenClient } from '../bitwarden/bitwarden-client';
import { clientDeviceFor } from '../bitwarden/client-device';
import type { HttpTransport } from '../bitwarden/http-transport';
import { organizationIdOf, type OrganizationApiKey } from '../bitwarden/organization-api-key';
import { resolveServerUrls } from '../bitwarden/server-urls';
import { ConfigurationError } from '../errors/configuration.error';
import type { DirectoryType } from '../model/directory-type';
import type { SyncDestination } from '../model/sync-destination';
import { systemClock, type Clock } from '../ports/clock';
import type {
  DirectoryProvider,
  DirectorySnapshot,
  ReadProgress,
} from '../ports/directory-provider';
import type { Logger } from '../ports/logger';
import type { SecretStore } from '../ports/secret-store';
import { ImportFingerprint } from '../sync/fingerprint';
import { planSync } from '../sync/plan-sync';
import type { SyncPlan } from '../sync/sync-plan';
import type { ConnectorConfiguration, ConnectorStore } from './connector-store';
import { EMPTY_SYNC_STATE } from './connector-store';
import { DeletionGuardError, EmptyDirectoryReadError } from '../guard/deletion-guard.error';
import type { OrganizationPlan } from '../organization/organization-plan';
import { groupsNamedBy, readOrganization } from '../organization/organization-state';
import {
  emptyOrganizationPlan,
  planAgainstOrganization,
} from '../organization/plan-against-organization';
import type { RunKind, RunOutcome, RunRecord, RunSource, RunTrigger } from '../runs/run-record';
import { emptyReadAfter, guardVerdict, isWholeRead, removalsPossible } from './deletion-check';
import type { GuardVerdict, PlanReport } from './plan-report';
import { recordedRun, runCountsOf, type RecordedWork, type RunRecorder } from './run-recorder';
import type { ConnectorTestResult, SyncReport } from './sync-report';

/** What a provider factory is given (the shape of `@bwdc/providers`' ProviderContext). */
export interface ProviderFactoryContext {
  readonly settings: unknown;
  readonly secrets: Readonly<Record<string, string | null>>;
  readonly logger: Logger;
}

export interface ConnectorDependencies {
  readonly store: ConnectorStore;
  readonly secrets: SecretStore;
  readonly createProvider: (
    type: DirectoryType,
    context: ProviderFactoryContext,
  ) => DirectoryProvider;
  readonly logger: Logger;
  readonly platform: NodeJS.Platform;
  readonly clientVersion: string;
  /** Which front end runs this Connector, as the run history records it. */
  readonly source: RunSource;
  readonly clock?: Clock;
  readonly transport?: HttpTransport;
}

export type ReadProgressListener = (progress: ReadProgress) => void;

/** The secret store's names for the login, as upstream's (so its keychain entries are found). */
export const AUTH_SECRET_KEYS = {
  clientId: 'apiKeyClientId',
  clientSecret: 'apiKeyClientSecret',
} as const;
const UPSTREAM_TOKEN_KEYS = ['accessToken', 'refreshToken', 'twoFactorToken'] as const;

/**
 * The one API both front ends use: log in, test, sync, and what the last sync left. It reads
 * the directory through the registered provider, plans with the sync engine and posts to the
 * Bitwarden Public API; the sync state is saved only after the server accepted everything.
 */
export class Connector {
  private readonly clock: Clock;
  private lastRecord: RunRecord | undefined;

  constructor(private readonly dependencies: ConnectorDependencies) {
    this.clock = dependencies.clock ?? systemClock;
  }

  /** Checks the API key with the server, then keeps it. Upstream refuses a second login too. */
  async login(apiKey: OrganizationApiKey): Promise<{ readonly organizationId: string }> {
    const current = await this.credentials();
    if (current !== null) {
      throw new ConfigurationError(
        'ALREADY_LOGGED_IN',
        `You are already logged in as ${current.clientId}.`,
        'Log out first (bwdc logout) to use another API key.',
      );
    }
    const key = { clientId: apiKey.clientId.trim(), clientSecret: apiKey.clientSecret.trim() };
    const organizationId = organizationIdOf(key.clientId);
    const client = await this.client(await this.dependencies.store.read(), key);
    await client.login();
    await this.dependencies.secrets.set(AUTH_SECRET_KEYS.clientId, key.clientId);
    await this.dependencies.secrets.set(AUTH_SECRET_KEYS.clientSecret, key.clientSecret);
    await this.dependencies.store.setOrganization(organizationId);
    return { organizationId };
  }

  /** Forgets the API key and any token upstream kept; settings and sync state stay. */
  async logout(): Promise<void> {
    await this.requireCredentials();
    const { secrets } = this.dependencies;
    for (const key of [...Object.values(AUTH_SECRET_KEYS), ...UPSTREAM_TOKEN_KEYS]) {
      await secrets.remove(key);
    }
  }

  async isLoggedIn(): Promise<boolean> {
    return (await this.credentials()) !== null;
  }

  /**
   * What a sync would send, with nothing sent and nothing saved: the whole directory, or with
   * `sinceLast` only what changed since the last sync (upstream's `test --last`).
   */
  async test(options: {
    readonly sinceLast: boolean;
    readonly onProgress?: ReadProgressListener;
    readonly trigger?: RunTrigger;
  }): Promise<ConnectorTestResult> {
    return this.recorded('test', options.trigger, async (recorder) => {
      const key = await this.requireCredentials();
      const configuration = await this.dependencies.store.read();
      const mode = options.sinceLast ? 'delta' : 'full';
      const { snapshot, plan } = await this.readAndPlan(recorder, configuration, key, {
        mode,
        dryRun: true,
        startedAt: this.clock.now(),
        onProgress: options.onProgress,
        previousFingerprint: null,
      });
      return { result: { snapshot, plan }, outcome: 'read' };
    });
  }

  /**
   * What the next sync would do to the organization (read through the Public API), with nothing
   * sent and nothing saved: the directory read as `sync` would read it (whole with `force`).
   */
  async plan(options: {
    readonly force?: boolean;
    readonly onProgress?: ReadProgressListener;
    readonly trigger?: RunTrigger;
  }): Promise<PlanReport> {
    return this.recorded('plan', options.trigger, async (recorder) => {
      const key = await this.requireCredentials();
      const configuration = await this.dependencies.store.read();
      const { sync, state } = configuration;
      const mode = options.force === true || sync.overwriteExisting ? 'full' : 'delta';
      const { snapshot, plan } = await this.readAndPlan(recorder, configuration, key, {
        mode,
        dryRun: true,
        startedAt: this.clock.now(),
        onProgress: options.onProgress,
        previousFingerprint: state.lastSyncHash,
      });
      const client = await this.client(configuration, key);
      const current = await recorder.timed('organization', () =>
        readOrganization(client, { groupMembersOf: groupsNamedBy(plan) }),
      );
      const organization =
        plan.outcome === 'send'
          ? planAgainstOrganization({ plan, options: sync, organization: current })
          : emptyOrganizationPlan(current);
      const emptyRead = emptyReadAfter(sync, state, isWholeRead(mode, state, snapshot), snapshot);
      const guard = guardVerdict(sync, organization, emptyRead);
      recorder.note({ plannedRemovals: guard.removals });
      const report: PlanReport = {
        mode,
        outcome: plan.outcome,
        counts: plan.counts,
        dropped: plan.dropped,
        notices: plan.notices,
        organization,
        guard,
      };
      return { result: report, outcome: 'planned' };
    });
  }

  /**
   * Reads the directory (only what changed since the last sync, unless forced or when overwrite
   * is on: removing everyone missing from a partial read would be destructive), posts the import
   * unless nothing changed, and only then saves where this sync left off. Holds the data file's
   * sync lock throughout. When the import can remove members, the organization is read first and
   * a sync past the deletion guard is refused; so is a whole read that came back empty. `force`
   * reads everything and goes past both.
   */
  async sync(
    options: {
      readonly force: boolean;
      readonly onProgress?: ReadProgressListener;
      readonly trigger?: RunTrigger;
    } = { force: false },
  ): Promise<SyncReport> {
    return this.recorded('sync', options.trigger, (recorder) =>
      this.dependencies.store.exclusive(() => this.syncHoldingLock(options, recorder)),
    );
  }

  /** The record of the newest run this connector made, once that run has ended. */
  get lastRun(): RunRecord | undefined {
    return this.lastRecord;
  }

  /** The kept runs (test, plan, sync from every front end), newest first. */
  history(): Promise<readonly RunRecord[]> {
    return this.dependencies.store.runs();
  }

  /** When users or groups were last synced (ISO time), or null. */
  async lastSync(kind: 'users' | 'groups'): Promise<string | null> {
    const { state } = await this.dependencies.store.read();
    return kind === 'users' ? state.lastUserSync : state.lastGroupSync;
  }

  /** Forgets the last sync, so the next one reads everything and sends it again. */
  async clearCache(): Promise<void> {
    await this.dependencies.store.setSyncState(EMPTY_SYNC_STATE);
  }

  private async syncHoldingLock(
    options: { readonly force: boolean; readonly onProgress?: ReadProgressListener },
    recorder: RunRecorder,
  ): Promise<{ readonly result: SyncReport; readonly outcome: RunOutcome }> {
    const key = await this.requireCredentials();
    const configuration = await this.dependencies.store.read();
    const { state, sync } = configuration;
    const mode = options.force || sync.overwriteExisting ? 'full' : 'delta';
    const startedAt = this.clock.now();
    const { snapshot, plan } = await this.readAndPlan(recorder, configuration, key, {
      mode,
      dryRun: false,
      startedAt,
      onProgress: options.onProgress,
      previousFingerprint: state.lastSyncHash,
    });
    const wholeRead = isWholeRead(mode, state, snapshot);
    const emptyRead = emptyReadAfter(sync, state, wholeRead, snapshot);
    if (emptyRead !== null) {
      recorder.note({
        guard: { reason: 'empty-read', removals: 0, limit: 0, overridden: options.force },
      });
      if (!options.force) {
        throw new EmptyDirectoryReadError(emptyRead);
      }
    }
    const client = await this.client(configuration, key);
    let organization: OrganizationPlan | null = null;
    let guard: GuardVerdict | null = null;
    if (removalsPossible(plan, sync)) {
      // Removals are decided before the groups are imported, and the guard counts members
      // only: the groups' members need not be read, nor the groups planned.
      const current = await recorder.timed('organization', () =>
        readOrganization(client, { groupMembersOf: 'none' }),
      );
      const planned = planAgainstOrganization({
        plan: withoutGroups(plan),
        options: sync,
        organization: current,
      });
      organization = planned;
      guard = guardVerdict(sync, planned, emptyRead);
      recorder.note({ plannedRemovals: guard.removals });
      if (guard.tooManyRemovals && guard.limit !== null) {
        recorder.note({
          guard: {
            reason: 'too-many-removals',
            removals: guard.removals,
            limit: guard.limit,
            overridden: options.force,
          },
        });
        if (!options.force) {
          throw new DeletionGuardError(
            planned.members.removed,
            guard.limit,
            guard.organizationMembers,
          );
        }
      }
    }
    let fingerprint = plan.fingerprint;
    if (plan.outcome === 'send') {
      const hashing =
        fingerprint === null
          ? new ImportFingerprint(destinationOf(configuration, key), plan.requests.length)
          : undefined;
      await recorder.timed('import', () =>
        client.importRequests(
          plan.requests,
          (progress) => recorder.note({ batches: progress.request }),
          hashing && ((pieces) => hashing.addRequestBody(pieces)),
        ),
      );
      fingerprint = hashing?.digest() ?? fingerprint;
      recorder.note({ counts: runCountsOf(snapshot, plan, 'sent') });
    }
    // A provider that always reads everything keeps no read time; last-sync still tells when.
    const readAt = startedAt.toISOString();
    await this.dependencies.store.setSyncState({
      lastSyncHash: fingerprint ?? state.lastSyncHash,
      lastUserSync: snapshot.cursor.usersReadAt ?? (sync.users ? readAt : state.lastUserSync),
      lastGroupSync: snapshot.cursor.groupsReadAt ?? (sync.groups ? readAt : state.lastGroupSync),
      userDeltaToken: snapshot.cursor.userDeltaToken ?? state.userDeltaToken,
      groupDeltaToken: snapshot.cursor.groupDeltaToken ?? state.groupDeltaToken,
      lastSyncUserCount: wholeRead && sync.users ? snapshot.users.length : state.lastSyncUserCount,
    });
    const report: SyncReport = {
      outcome: plan.outcome,
      mode,
      requestsSent: plan.requests.length,
      counts: plan.counts,
      dropped: plan.dropped,
      notices: plan.notices,
      organization,
      guard,
    };
    return { result: report, outcome: plan.outcome === 'send' ? 'sent' : plan.outcome };
  }

  /** Runs `work` as one run of the history, recorded however it ends. */
  private recorded<T>(
    kind: RunKind,
    trigger: RunTrigger | undefined,
    work: RecordedWork<T>,
  ): Promise<T> {
    const { store, logger, source } = this.dependencies;
    return recordedRun(
      {
        kind,
        source,
        trigger: trigger ?? 'manual',
        clock: this.clock,
        store,
        logger,
        onRecorded: (record) => (this.lastRecord = record),
      },
      work,
    );
  }

  /** Reads the directory and plans the import, each timed, and notes what the run read. */
  private async readAndPlan(
    recorder: RunRecorder,
    configuration: ConnectorConfiguration,
    key: OrganizationApiKey,
    read: {
      readonly mode: 'full' | 'delta';
      readonly dryRun: boolean;
      readonly startedAt: Date;
      readonly onProgress: ReadProgressListener | undefined;
      readonly previousFingerprint: string | null;
    },
  ): Promise<{ readonly snapshot: DirectorySnapshot; readonly plan: SyncPlan }> {
    recorder.note({ mode: read.mode });
    const snapshot = await recorder.timed('read', () =>
      this.readDirectory(configuration, read.mode, read.dryRun, read.startedAt, read.onProgress),
    );
    const plan = await recorder.timed('plan', () =>
      this.planImport(configuration, key, snapshot, read.previousFingerprint),
    );
    recorder.note({ counts: runCountsOf(snapshot, plan, 'not-sent') });
    return { snapshot, plan };
  }

  private async readDirectory(
    configuration: ConnectorConfiguration,
    mode: 'full' | 'delta',
    dryRun: boolean,
    startedAt: Date,
    onProgress: ReadProgressListener | undefined,
  ): Promise<DirectorySnapshot> {
    const type = configuration.directoryType;
    if (type === null) {
      throw new ConfigurationError(
        'DIRECTORY_NOT_SET',
        'No directory is configured.',
        'Choose one with bwdc config directory <ldap|entra|gsuite|okta|onelogin|file>, then set its settings.',
      );
    }
    const provider = this.dependencies.createProvider(type, {
      settings: { directory: configuration.directory, sync: configuration.sync },
      secrets: await this.dependencies.store.directorySecrets(type, configuration.directory),
      logger: this.dependencies.logger,
    });
    const { state } = configuration;
    return provider.read({
      mode,
      dryRun,
      cursor:
        mode === 'delta'
          ? {
              usersReadAt: state.lastUserSync,
              groupsReadAt: state.lastGroupSync,
              userDeltaToken: state.userDeltaToken,
              groupDeltaToken: state.groupDeltaToken,
            }
          : null,
      startedAt,
      ...(onProgress ? { onProgress } : {}),
    });
  }

  private planImport(
    configuration: ConnectorConfiguration,
    key: OrganizationApiKey,
    snapshot: DirectorySnapshot,
    previousFingerprint: string | null,
  ): SyncPlan {
    const { sync } = configuration;
    return planSync({
      users: snapshot.users,
      groups: snapshot.groups,
      notices: snapshot.notices ?? [],
      options: {
        removeDisabled: sync.removeDisabled,
        overwriteExisting: sync.overwriteExisting,
        largeImport: sync.largeImport,
        inviteUsersAfterProvisioning: sync.inviteUsersAfterProvisioning,
      },
      destination: destinationOf(configuration, key),
      previousFingerprint,
    });
  }

  private async client(
    configuration: ConnectorConfiguration,
    apiKey: OrganizationApiKey,
  ): Promise<BitwardenClient> {
    const { store, platform, clientVersion, transport } = this.dependencies;
    const appId = await store.appId(() => randomUUID());
    return new BitwardenClient({
      urls: resolveServerUrls(configuration.server),
      apiKey,
      device: clientDeviceFor(platform, appId, clientVersion),
      clock: this.clock,
      ...(transport ? { transport } : {}),
    });
  }

  private async credentials(): Promise<OrganizationApiKey | null> {
    const { secrets } = this.dependencies;
    const clientId = await secrets.get(AUTH_SECRET_KEYS.clientId);
    const clientSecret = await secrets.get(AUTH_SECRET_KEYS.clientSecret);
    return clientId && clientSecret ? { clientId, clientSecret } : null;
  }

  private async requireCredentials(): Promise<OrganizationApiKey> {
    const credentials = await this.credentials();
    if (credentials === null) {
      throw new ConfigurationError(
        'NOT_LOGGED_IN',
        'You are not logged in.',
        'Log in with the organization API key: bwdc login (or set BW_CLIENTID and BW_CLIENTSECRET).',
      );
    }
    return credentials;
  }
}

/** Where the import goes: part of the fingerprint. */
function destinationOf(
  configuration: ConnectorConfiguration,
  key: OrganizationApiKey,
): SyncDestination {
  return {
    apiUrl: resolveServerUrls(configuration.server).apiUrl,
    organizationId: organizationIdOf(key.clientId),
  };
}

/** The plan's requests with their groups left out, for a members-only plan. */
function withoutGroups(plan: SyncPlan): SyncPlan {
  return { ...plan, requests: plan.requests.map((request) => ({ ...request, groups: [] })) };
}

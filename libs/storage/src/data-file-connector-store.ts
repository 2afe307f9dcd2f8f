import {
  RUN_HISTORY_LIMIT,
  type DirectoryType,
  type ConnectorConfiguration,
  type ConnectorStore,
  type ConnectorSyncState,
  type RunRecord,
  type SecretStore,
} from '@bwdc/core';

import { activeProfileOf, DATA_KEYS } from './data-file-keys';
import type { DataFileStore } from './data-file-store';
import { SyncRunLock } from './file/sync-run-lock';
import { emptySyncState } from './schema/data-file.schema';
import {
  UPSTREAM_DIRECTORY_SECRETS,
  directorySecretCandidates,
  readFirstSecret,
} from './upstream/upstream-secret-keys';

/** The Connector's store over the shared data file (active profile) and the secret store. */
export class DataFileConnectorStore implements ConnectorStore {
  private readonly syncLock: SyncRunLock;

  constructor(
    private readonly file: DataFileStore,
    private readonly secrets: SecretStore,
  ) {
    this.syncLock = new SyncRunLock(file.file);
  }

  async read(): Promise<ConnectorConfiguration> {
    const file = await this.file.read();
    const profile = activeProfileOf(file);
    const type = profile.directoryType;
    return {
      server: file.server,
      organizationId: file.organizationId,
      directoryType: type,
      directory: (type && profile.directories[type]) || {},
      sync: profile.sync,
      state: profile.state,
    };
  }

  /** As upstream: another organization than before makes every profile's sync state stale. */
  async setOrganization(organizationId: string): Promise<void> {
    await this.file.update((file) => {
      if (file.organizationId === organizationId) {
        return { next: file, result: undefined };
      }
      const profiles = Object.fromEntries(
        Object.entries(file.profiles).map(([name, profile]) => [
          name,
          { ...profile, state: emptySyncState() },
        ]),
      );
      return { next: { ...file, organizationId, profiles }, result: undefined };
    });
  }

  async appId(create: () => string): Promise<string> {
    return this.file.update((file) => {
      if (file.appId) {
        return { next: file, result: file.appId };
      }
      const appId = create();
      return { next: { ...file, appId }, result: appId };
    });
  }

  async setSyncState(state: ConnectorSyncState): Promise<void> {
    await this.file.set(DATA_KEYS.syncState, { ...state });
  }

  async directorySecrets(
    type: DirectoryType,
    directory: Readonly<Record<string, unknown>>,
  ): Promise<Readonly<Record<string, string | null>>> {
    const secret = UPSTREAM_DIRECTORY_SECRETS[type];
    if (!secret) {
      return {};
    }
    const keys = directorySecretCandidates(type, directory['id']);
    return { [secret.field]: await readFirstSecret(this.secrets, keys) };
  }

  async recordRun(run: RunRecord): Promise<void> {
    await this.file.update((file) => ({
      next: { ...file, runs: [run, ...file.runs].slice(0, RUN_HISTORY_LIMIT) },
      result: undefined,
    }));
  }

  async runs(): Promise<readonly RunRecord[]> {
    return (await this.file.read()).runs;
  }

  exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.syncLock.run(work);
  }
}

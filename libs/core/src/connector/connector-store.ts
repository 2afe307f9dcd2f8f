import type { ServerUrlSettings } from '../bitwarden/server-urls';
import type { DirectoryType } from '../model/directory-type';
import type { DeletionGuardSettings } from '../guard/deletion-guard';
import type { ImportOptions } from '../model/import-options';
import type { RunRecord } from '../runs/run-record';

/** Where the last successful sync left off (upstream's names, as in its data.json). */
export interface ConnectorSyncState {
  readonly lastSyncHash: string | null;
  readonly lastUserSync: string | null;
  readonly lastGroupSync: string | null;
  readonly userDeltaToken: string | null;
  readonly groupDeltaToken: string | null;
  /**
   * Users the last successful whole read returned (ours, not upstream's): a later whole read
   * returning none is refused unless forced. Null until such a sync.
   */
  readonly lastSyncUserCount: number | null;
}

/** The sync options of the active profile: what to read and how to import it. */
export interface ConnectorSyncOptions extends ImportOptions, DeletionGuardSettings {
  readonly users: boolean;
  readonly groups: boolean;
  /** Provider-specific options (the LDAP classes, paths, filters...) ride along. */
  readonly [option: string]: unknown;
}

/** What the Connector needs of the stored configuration: the active profile and the login. */
export interface ConnectorConfiguration {
  readonly server: ServerUrlSettings;
  readonly organizationId: string | null;
  readonly directoryType: DirectoryType | null;
  /** The active directory type's own settings, as stored (its provider validates them). */
  readonly directory: Readonly<Record<string, unknown>>;
  readonly sync: ConnectorSyncOptions;
  readonly state: ConnectorSyncState;
}

export const EMPTY_SYNC_STATE: ConnectorSyncState = {
  lastSyncHash: null,
  lastUserSync: null,
  lastGroupSync: null,
  userDeltaToken: null,
  groupDeltaToken: null,
  lastSyncUserCount: null,
};

/**
 * Where the Connector keeps its configuration, sync state and the directory's secrets: the
 * shared data file and the secret store, behind one port (`libs/storage` implements it).
 */
export interface ConnectorStore {
  read(): Promise<ConnectorConfiguration>;
  /** Records the organization logged in to; another organization than before clears the state. */
  setOrganization(organizationId: string): Promise<void>;
  /** The installation's device id, created once and then kept. */
  appId(create: () => string): Promise<string>;
  setSyncState(state: ConnectorSyncState): Promise<void>;
  /**
   * A directory's secrets by the names its provider reads them (`password`...), for the
   * configuration already read (its settings may scope the secret's key).
   */
  directorySecrets(
    type: DirectoryType,
    directory: Readonly<Record<string, unknown>>,
  ): Promise<Readonly<Record<string, string | null>>>;
  /** Adds a run to the history, which keeps the newest RUN_HISTORY_LIMIT. */
  recordRun(run: RunRecord): Promise<void>;
  /** The kept runs, newest first. */
  runs(): Promise<readonly RunRecord[]>;
  /**
   * Runs `work` holding the cross-process sync lock of this data file, so two syncs (bwdc, the
   * desktop app, bwdc serve) never run at once.
   *
   * @throws SyncInProgressError when another process holds it.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

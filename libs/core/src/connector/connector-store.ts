import type { ServerUrlSettings } from '../bitwarden/server-urls';
import type { DirectoryType } from '../model/directory-type';
import type { ImportOptions } from '../model/import-options';

/** Where the last successful sync left off (upstream's names, as in its data.json). */
export interface ConnectorSyncState {
  readonly lastSyncHash: string | null;
  readonly lastUserSync: string | null;
  readonly lastGroupSync: string | null;
  readonly userDeltaToken: string | null;
  readonly groupDeltaToken: string | null;
}

/** The sync options of the active profile: what to read and how to import it. */
export interface ConnectorSyncOptions extends ImportOptions {
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
}

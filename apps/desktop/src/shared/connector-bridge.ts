import type { ConnectorSyncState, SyncReport } from '@bwdc/core';

/**
 * The Connector as the renderer sees it (`window.connector`): every call crosses IPC, so the
 * arguments and results are plain data. Main implements it over the real Connector; the preload
 * and the test host's HTTP bridge expose it, both through `connectorClient`.
 */
export interface ConnectorBridge {
  login(apiKey: { readonly clientId: string; readonly clientSecret: string }): Promise<{
    readonly organizationId: string;
  }>;
  logout(): Promise<void>;
  isLoggedIn(): Promise<boolean>;
  test(options: { readonly sinceLast: boolean }): Promise<TestView>;
  sync(options: { readonly force: boolean }): Promise<SyncReport>;
  lastSync(kind: 'users' | 'groups'): Promise<string | null>;
  clearCache(): Promise<void>;
}

/** What `test` found, as the dashboard lists it. */
export interface TestView {
  readonly enabledUsers: readonly UserView[];
  readonly disabledUsers: readonly UserView[];
  readonly deletedUsers: readonly UserView[];
  readonly groups: readonly {
    readonly externalId: string;
    readonly name: string;
    readonly memberExternalIds: readonly string[];
  }[];
  readonly counts: SyncReport['counts'];
  readonly dropped: SyncReport['dropped'];
  readonly notices: SyncReport['notices'];
}

export interface UserView {
  readonly externalId: string;
  readonly email: string | null;
  readonly referenceId: string;
}

/** Kept for the settings screens to come. */
export type SyncStateView = ConnectorSyncState;

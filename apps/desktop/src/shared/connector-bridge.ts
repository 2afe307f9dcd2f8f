import type { DirectoryType, LogLevel, SyncReport } from '@bwdc/core';

import type { BridgeEvents } from './bridge-events';
import type { PlanView } from './plan-view';
import type { SettingsChange, SettingsSaveResult, SettingsView } from './settings-view';
import type { ScheduleView, StatusView } from './status-view';
import type { SyncNowView } from './sync-now-view';

/**
 * The Connector as the renderer sees it (`window.connector`): every call crosses IPC, so the
 * arguments and results are plain data. Main implements it over the real Connector, the scheduler
 * and the data file; the preload and the test host's HTTP bridge expose it through `connectorClient`.
 */
export interface ConnectorBridge {
  /** Checks the organization's API key with the server, then keeps it. */
  login(apiKey: { readonly clientId: string; readonly clientSecret: string }): Promise<{
    readonly organizationId: string;
  }>;
  logout(): Promise<void>;
  isLoggedIn(): Promise<boolean>;
  /** The Bitwarden server to log in to and sync with; null is the US cloud. */
  setServer(server: ServerSettings | null): Promise<void>;

  /** Everything the dashboard and the More screen show, read afresh. */
  status(): Promise<StatusView>;
  /** A dry run: what a sync would send, nothing sent and nothing saved. */
  test(options: { readonly sinceLast: boolean }): Promise<TestView>;
  /**
   * Preview changes: what the next sync would do to the organization (read through the Public
   * API) and the deletion guard's verdict; nothing sent. Recorded in the run history.
   */
  planSync(): Promise<PlanView>;
  /**
   * Sync now: one sync, recorded in the shared run history. A guard's refusal answers as
   * `guard-refused`; `force` (after the user confirmed it) syncs past the guards.
   */
  syncNow(options: { readonly force: boolean }): Promise<SyncNowView>;
  /** The last sync of users or groups (ISO time), or null. */
  lastSync(kind: 'users' | 'groups'): Promise<string | null>;
  /** Forgets the last sync, so the next reads and sends everything again. */
  clearCache(): Promise<void>;
  /** Start Sync: a sync every `sync.interval` minutes, also after the app restarts. */
  startSchedule(): Promise<ScheduleView>;
  stopSchedule(): Promise<ScheduleView>;

  /** The active profile's settings, with a form description of every field. */
  settings(): Promise<SettingsView>;
  /** Validates with the provider's schema; saves only when there are no problems. */
  saveSettings(change: SettingsChange): Promise<SettingsSaveResult>;
  switchProfile(name: string): Promise<void>;
  addProfile(name: string): Promise<void>;
  removeProfile(name: string): Promise<void>;

  /**
   * What happened after cursor `after`: at once when there is news, otherwise when some arrives
   * or after a while with none (long polling, so it works over IPC and the test host's HTTP
   * alike). 0 answers at once with the current cursor, to start from.
   */
  events(after: number): Promise<BridgeEvents>;
  /** The latest lines of main's log, oldest first. */
  logs(): Promise<readonly LogLine[]>;
  /** Shows the data file in the system's file manager. */
  showDataFile(): Promise<void>;
  /** An open-file dialog; the chosen path, or null when cancelled or not available. */
  pickFile(purpose: { readonly title: string }): Promise<string | null>;
  /**
   * A Google service account's JSON key file, read in main: its client email and private key,
   * for the settings form to fill in (saved, like any edit, only with Save).
   */
  readServiceAccountKey(path: string): Promise<{
    readonly clientEmail: string;
    readonly privateKey: string;
  }>;
}

/**
 * What the server settings dialog produces, in the shape of the data file's `server`:
 * one server (`/api` and `/identity` hang below it), or the API and identity URLs apart.
 */
export type ServerSettings =
  { readonly base: string } | { readonly api: string; readonly identity: string };

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

export interface LogLine {
  readonly at: string;
  readonly level: LogLevel;
  readonly message: string;
}

export type { DirectoryType };

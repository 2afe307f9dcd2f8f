import type { Connector, SecretStore } from '@bwdc/core';
import {
  DATA_KEYS,
  addProfile,
  profileNames,
  removeProfile,
  saveSecret,
  switchProfile,
  type DataFile,
  type DataFileStore,
} from '@bwdc/storage';

import type { ConnectorBridge } from '../../shared/connector-bridge';
import type { ScheduleView } from '../../shared/status-view';
import { clampSyncInterval, type IntervalSource, type SyncScheduler } from '../scheduler';
import type { DesktopShell } from './desktop-shell';
import type { EventHub } from './event-hub';
import type { LogBuffer } from './log-buffer';
import { planViewOf } from './plan-view';
import { serverViewOf, storedServerOf } from './server-settings';
import { readServiceAccountKey } from './service-account-key-file';
import { applySettings, settingsViewOf } from './settings-form';
import { syncNowViewOf } from './sync-now-view';
import { testViewOf } from './test-view';

export interface DesktopBridgeDependencies {
  readonly connector: Connector;
  readonly dataFile: DataFileStore;
  readonly secrets: SecretStore;
  readonly scheduler: SyncScheduler;
  readonly interval: IntervalSource;
  readonly events: EventHub;
  readonly logs: LogBuffer;
  readonly shell: DesktopShell;
  readonly version: string;
}

/**
 * Main's side of `window.connector`: the Connector, the scheduler and the data file, their
 * results turned into plain data. Every call that changes something announces `status-changed`,
 * so each open view refreshes (changes made by other processes come from the file watcher).
 */
export function createDesktopBridge(dependencies: DesktopBridgeDependencies): ConnectorBridge {
  const { connector, dataFile, secrets, scheduler, events } = dependencies;
  const changed = <T>(result: T): T => {
    events.publish({ type: 'status-changed' });
    return result;
  };
  const changeFile = async (change: (file: DataFile) => DataFile): Promise<void> => {
    await dataFile.update((file) => ({ next: change(file), result: undefined }));
    events.publish({ type: 'settings-changed' });
    changed(undefined);
  };
  const schedule = async (): Promise<ScheduleView> => {
    const { running, syncing, nextRunAt, stoppedReason } = scheduler.status();
    return {
      running,
      syncing,
      nextRunAt,
      stoppedReason,
      intervalMinutes: clampSyncInterval(await dependencies.interval()),
    };
  };

  return {
    login: async (apiKey) => changed(await connector.login(apiKey)),
    logout: async () => changed(await connector.logout()),
    isLoggedIn: () => connector.isLoggedIn(),
    setServer: (server) =>
      changeFile((file) => DATA_KEYS.server.write(file, storedServerOf(server))),

    status: async () => {
      const file = await dataFile.read();
      const state = DATA_KEYS.syncState.read(file);
      return {
        version: dependencies.version,
        dataFilePath: dataFile.file,
        loggedIn: await connector.isLoggedIn(),
        organizationId: DATA_KEYS.organizationId.read(file),
        server: serverViewOf(DATA_KEYS.server.read(file)),
        profile: file.activeProfile,
        profiles: profileNames(file),
        directoryType: DATA_KEYS.directoryType.read(file),
        lastUserSync: state.lastUserSync,
        lastGroupSync: state.lastGroupSync,
        schedule: await schedule(),
        // The Connector's shared history: runs by bwdc and bwdc serve show up here too.
        history: await connector.history(),
      };
    },
    test: async (options) => {
      try {
        const result = await connector.test({
          sinceLast: options.sinceLast,
          onProgress: (progress) =>
            events.publish({ type: 'progress', operation: 'test', ...progress }),
        });
        return testViewOf(result);
      } finally {
        events.publish({ type: 'operation-finished', operation: 'test' });
      }
    },
    planSync: async () => {
      try {
        const report = await connector.plan({
          trigger: 'manual',
          onProgress: (progress) =>
            events.publish({ type: 'progress', operation: 'plan', ...progress }),
        });
        return planViewOf(report);
      } finally {
        events.publish({ type: 'operation-finished', operation: 'plan' });
        // The preview is in the run history now.
        events.publish({ type: 'status-changed' });
      }
    },
    syncNow: async ({ force }) => syncNowViewOf(await scheduler.runNow({ force })),
    lastSync: (kind) => connector.lastSync(kind),
    clearCache: async () => changed(await connector.clearCache()),
    startSchedule: async () => {
      await scheduler.start();
      return schedule();
    },
    stopSchedule: async () => {
      await scheduler.stop();
      return schedule();
    },

    settings: async () => settingsViewOf(await dataFile.read(), secrets),
    saveSettings: async (change) => {
      const applied = await dataFile.update((file) => {
        const result = applySettings(file, change);
        return { next: result.ok ? result.next : file, result };
      });
      if (!applied.ok) {
        return { saved: false, problems: applied.problems };
      }
      if (change.secret !== undefined && change.directoryType !== null) {
        await saveSecret(secrets, await dataFile.read(), change.directoryType, change.secret);
      }
      events.publish({ type: 'settings-changed' });
      return changed({ saved: true });
    },
    switchProfile: (name) => changeFile((file) => switchProfile(file, name)),
    addProfile: (name) => changeFile((file) => addProfile(file, name)),
    removeProfile: (name) => changeFile((file) => removeProfile(file, name)),

    events: (after) => events.next(after),
    logs: async () => dependencies.logs.lines(),
    showDataFile: async () => dependencies.shell.showItemInFolder(dataFile.file),
    pickFile: ({ title }) => dependencies.shell.pickFile(title),
    readServiceAccountKey: (path) => readServiceAccountKey(path),
  };
}

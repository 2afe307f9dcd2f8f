import { systemClock, type Clock, type Connector, type Logger } from '@bwdc/core';
import type { DataFileStore } from '@bwdc/storage';

import type { ConnectorBridge } from '../shared/connector-bridge';
import { announceDataFileChanges } from './bridge/data-file-events';
import { createDesktopBridge } from './bridge/desktop-bridge';
import type { DesktopShell } from './bridge/desktop-shell';
import { EventHub } from './bridge/event-hub';
import { LogBuffer } from './bridge/log-buffer';
import { composeConnector, type ConnectorComposition } from './compose-connector';
import {
  DataFileScheduleStore,
  SyncScheduler,
  intervalFromDataFile,
  systemTimer,
  type Timer,
} from './scheduler';

export interface DesktopComposition extends ConnectorComposition {
  readonly shell: DesktopShell;
  /** The scheduler's time: real time unless a test host speeds it up (logs keep real time). */
  readonly clock?: Clock;
  readonly timer?: Timer;
  /** How long an events poll waits before answering with none. */
  readonly eventWaitMs?: number;
}

export interface ComposedDesktop {
  /** What the window's `window.connector` calls reach. */
  readonly bridge: ConnectorBridge;
  readonly connector: Connector;
  readonly dataFile: DataFileStore;
  readonly scheduler: SyncScheduler;
  readonly logger: Logger;
  /**
   * For quitting: stops watching, answers waiting polls, lets a sync under way finish and keeps
   * the schedule stored, so the next launch resumes it.
   */
  dispose(): Promise<void>;
}

/**
 * Main's composition root, for Electron and the test host alike: the Connector, the scheduler
 * (resumed where the last session left it), the file watcher and the bridge the renderer calls.
 */
export async function composeDesktop(composition: DesktopComposition): Promise<ComposedDesktop> {
  const clock = composition.clock ?? systemClock;
  const logger = new LogBuffer(composition.logger, systemClock);
  const { connector, dataFile, secrets } = await composeConnector({ ...composition, logger });
  const events = new EventHub(composition.eventWaitMs);
  const interval = intervalFromDataFile(dataFile);
  const scheduler = new SyncScheduler({
    store: new DataFileScheduleStore(dataFile),
    interval,
    sync: async ({ force, trigger }) => {
      try {
        return await connector.sync({
          force,
          trigger,
          onProgress: (progress) =>
            events.publish({ type: 'progress', operation: 'sync', ...progress }),
        });
      } finally {
        events.publish({ type: 'operation-finished', operation: 'sync' });
      }
    },
    clock,
    timer: composition.timer ?? systemTimer,
    logger,
  });
  const unsubscribe = scheduler.onChange(() => events.publish({ type: 'status-changed' }));
  const stopWatching = announceDataFileChanges(dataFile, await dataFile.read(), events, (error) =>
    logger.log(
      'warn',
      `Watching the data file failed: ${error instanceof Error ? error.message : String(error)}`,
    ),
  );
  await scheduler.resume();
  const bridge = createDesktopBridge({
    connector,
    dataFile,
    secrets,
    scheduler,
    interval,
    events,
    logs: logger,
    shell: composition.shell,
    version: composition.version,
  });
  return {
    bridge,
    connector,
    dataFile,
    scheduler,
    logger,
    dispose: async () => {
      stopWatching();
      unsubscribe();
      scheduler.dispose();
      events.close();
      await scheduler.idle();
    },
  };
}

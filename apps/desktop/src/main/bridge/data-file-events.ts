import { DATA_KEYS, type DataFile, type DataFileStore } from '@bwdc/storage';

import type { EventHub } from './event-hub';

/**
 * Announces changes of the data file, whoever made them (`bwdc config` in a terminal, a sync
 * from a scheduler, this app): `status-changed` for every change (a run `bwdc` or `bwdc serve`
 * recorded in the shared `runs` among them, so the dashboard's history picks it up), and `settings-changed` only
 * when the settings a form shows changed, so the scheduler's bookkeeping does not disturb an
 * open settings form.
 *
 * @returns a function that stops watching.
 */
export function announceDataFileChanges(
  dataFile: DataFileStore,
  initial: DataFile,
  events: EventHub,
  onError: (error: unknown) => void,
): () => void {
  let settings = settingsOf(initial);
  return dataFile.watch((file) => {
    const current = settingsOf(file);
    if (current !== settings) {
      events.publish({ type: 'settings-changed' });
    }
    settings = current;
    events.publish({ type: 'status-changed' });
  }, onError);
}

function settingsOf(file: DataFile): string {
  return JSON.stringify([
    file.activeProfile,
    Object.keys(file.profiles),
    DATA_KEYS.server.read(file),
    DATA_KEYS.directoryType.read(file),
    DATA_KEYS.directories.read(file),
    DATA_KEYS.syncOptions.read(file),
  ]);
}

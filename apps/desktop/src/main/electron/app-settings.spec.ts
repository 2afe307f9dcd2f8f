import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { DATA_KEYS, DataFileStore } from '@bwdc/storage';

import { DataFileAppSettings } from './app-settings';

describe('the desktop’s settings in the data file', () => {
  let folder: string;
  let dataFile: DataFileStore;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'bwdc-app-settings-'));
    dataFile = await DataFileStore.open({ file: path.join(folder, 'data.json') });
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('keeps each value under app.<key>, beside what others keep there', async () => {
    await dataFile.set(DATA_KEYS.app, { scheduler: { running: true } });
    const settings = new DataFileAppSettings(dataFile);

    await settings.write('tray', { closeToTray: true });

    await expect(settings.read('tray')).resolves.toEqual({ closeToTray: true });
    const stored = JSON.parse(await readFile(path.join(folder, 'data.json'), 'utf8')) as {
      app: unknown;
    };
    expect(stored.app).toEqual({ scheduler: { running: true }, tray: { closeToTray: true } });
  });

  it('reads a key never written as undefined', async () => {
    await expect(new DataFileAppSettings(dataFile).read('window')).resolves.toBeUndefined();
  });
});

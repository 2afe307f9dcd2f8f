import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { DATA_KEYS } from './data-file-keys';
import { DataFileStore } from './data-file-store';
import {
  DataFileAccessError,
  DataFileCorruptError,
  DataFileInvalidChangeError,
  DataFileUnsupportedError,
} from './errors/data-file.errors';
import { addProfile, switchProfile } from './profiles';

describe('DataFileStore', () => {
  let folder: string;
  let file: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'bwdc-store-'));
    file = path.join(folder, 'app data', 'data.json');
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('starts from an empty configuration and writes the file on the first change', async () => {
    const sut = await DataFileStore.open({ file });

    expect(await sut.get(DATA_KEYS.syncOptions)).toMatchObject({ users: false, interval: 5 });
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });

    await sut.set(DATA_KEYS.organizationId, 'org-1');

    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      version: 1,
      organizationId: 'org-1',
    });
  });

  it('does not rewrite the file for a change that returns the document as it was', async () => {
    const sut = await DataFileStore.open({ file });
    await sut.set(DATA_KEYS.appId, 'device-1');
    const before = await stat(file);
    await new Promise((resolve) => setTimeout(resolve, 20));

    const result = await sut.update((current) => ({ next: current, result: current.appId }));

    expect(result).toBe('device-1');
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
    expect((await stat(file)).ino).toBe(before.ino);
  });

  it('creates the folder 0700 and the file 0600', async () => {
    const sut = await DataFileStore.open({ file });
    await sut.set(DATA_KEYS.appId, 'device-1');

    expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('reads and writes through typed keys, those of the active profile following a switch', async () => {
    const sut = await DataFileStore.open({ file });
    await sut.set(DATA_KEYS.directoryType, 'ldap');
    await sut.update((current) => ({
      next: switchProfile(addProfile(current, 'okta-eu'), 'okta-eu'),
      result: undefined,
    }));

    expect(await sut.get(DATA_KEYS.directoryType)).toBeNull();
    await sut.set(DATA_KEYS.directoryType, 'okta');

    const saved = await sut.read();
    expect(saved.profiles['default']?.directoryType).toBe('ldap');
    expect(saved.profiles['okta-eu']?.directoryType).toBe('okta');
  });

  it('loses no change when one process makes many at once', async () => {
    const sut = await DataFileStore.open({ file });

    await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        sut.update((current) => ({
          next: { ...current, app: { ...current.app, [`key-${index}`]: index } },
          result: undefined,
        })),
      ),
    );

    expect(Object.keys((await sut.read()).app)).toHaveLength(100);
  });

  it('refuses to write a document that breaks the schema, leaving the file as it was', async () => {
    const sut = await DataFileStore.open({ file });
    await sut.set(DATA_KEYS.organizationId, 'org-1');
    const before = await readFile(file);

    await expect(
      sut.update((current) => ({
        next: { ...current, activeProfile: 'missing' },
        result: undefined,
      })),
    ).rejects.toBeInstanceOf(DataFileInvalidChangeError);

    expect(await readFile(file)).toEqual(before);
  });

  describe('a file it cannot read', () => {
    it.each([
      ['garbage', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x00, 0x0a, 0x6e, 0x6f, 0x74])],
      ['an empty file', Buffer.alloc(0)],
      [
        'JSON that breaks the schema',
        Buffer.from('{"version":1,"activeProfile":"x","profiles":{}}'),
      ],
    ])(
      'keeps %s byte for byte in a .bak copy, names it and overwrites nothing',
      async (_kind, content) => {
        await DataFileStore.open({ file });
        await writeFile(file, content);

        const failure = DataFileStore.open({ file });

        await expect(failure).rejects.toBeInstanceOf(DataFileCorruptError);
        const error = (await failure.catch((caught: unknown) => caught)) as DataFileCorruptError;
        expect(error.backupPath).toMatch(/data\.json\.bak-\d{4}-\d\d-\d\dT[\d-]+Z$/);
        expect(error.message).toContain(error.backupPath);
        expect(error.side).toBe('local-file');
        expect(await readFile(error.backupPath)).toEqual(content);
        expect(await readFile(file)).toEqual(content);
      },
    );

    it('refuses a file written by a newer connector without touching it', async () => {
      const newer = JSON.stringify({ version: 99 });
      await DataFileStore.open({ file });
      await writeFile(file, newer);

      await expect(DataFileStore.open({ file })).rejects.toBeInstanceOf(DataFileUnsupportedError);
      expect(await readFile(file, 'utf8')).toBe(newer);
      expect((await readdir(path.dirname(file))).filter((name) => name.includes('.bak'))).toEqual(
        [],
      );
    });
  });

  it('says which path it cannot use and what to do when the folder cannot be made', async () => {
    const blocker = path.join(folder, 'a-file');
    await writeFile(blocker, 'not a folder');

    const failure = DataFileStore.open({ file: path.join(blocker, 'data.json') });

    await expect(failure).rejects.toBeInstanceOf(DataFileAccessError);
    await expect(failure).rejects.toThrow(`Cannot create the data folder ${blocker}`);
    await expect(failure).rejects.toMatchObject({
      side: 'local-file',
      remedy: expect.stringContaining('BITWARDENCLI_CONNECTOR_APPDATA_DIR'),
    });
  });

  it('tells a watcher about a change another store made', async () => {
    const watched = await DataFileStore.open({ file });
    const other = await DataFileStore.open({ file });
    await other.set(DATA_KEYS.organizationId, 'before');
    const seen: (string | null)[] = [];
    const changed = new Promise<void>((resolve) => {
      const stop = watched.watch((document) => {
        seen.push(document.organizationId);
        if (document.organizationId === 'after') {
          stop();
          resolve();
        }
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 50));

    await other.set(DATA_KEYS.organizationId, 'after');
    await changed;

    expect(seen).toContain('after');
  });
});

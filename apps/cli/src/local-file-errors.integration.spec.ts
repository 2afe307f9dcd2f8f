import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { DataFileStore, createSecretStore } from '@bwdc/storage';

import { openConnector, stderrLogger } from './connector-factory';
import { createProgram } from './program';

/** Failures on the local side: a broken data file is reported and left as it was. */
describe('bwdc with a data file it cannot read', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bwdc-local-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function bwdc(args: string[]) {
    const env = { BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true' };
    const dataFile = path.join(dir, 'data.json');
    const stdout: string[] = [];
    const stderr: string[] = [];
    let exitCode = -1;
    await createProgram({
      version: '1.2.3',
      dataFilePath: () => dataFile,
      env,
      platform: 'linux',
      color: false,
      stdout: (text) => stdout.push(text),
      stderr: (text) => stderr.push(text),
      setExitCode: (code) => {
        exitCode = code;
      },
      connector: () =>
        openConnector({
          dataFilePath: dataFile,
          env,
          platform: 'linux',
          version: '1.2.3',
          logger: stderrLogger(env, (text) => stderr.push(text)),
        }),
      prompt: async () => '',
      openDataFile: () => DataFileStore.open({ file: dataFile }),
      secretStore: (store) => createSecretStore(env, store),
    })
      .exitOverride()
      .parseAsync(['node', 'bwdc', ...args]);
    return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode };
  }

  it.each([['sync'], ['config', '--list'], ['config', 'sync.users', 'true']])(
    'bwdc %s names the broken file, keeps it as it was, and exits 1',
    async (...args) => {
      const broken = '{"version": 1, "profiles": ';
      await writeFile(path.join(dir, 'data.json'), broken);

      const result = await bwdc(args);

      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(/^The data file .*data\.json is not valid \(.*\)\. .*\n$/);
      expect(result.stderr.split('\n')).toHaveLength(2);
      expect(await readFile(path.join(dir, 'data.json'), 'utf8')).toBe(broken);
    },
  );

  it('says which login value is missing under --nointeraction, in one line', async () => {
    const result = await bwdc(['--nointeraction', 'login']);

    expect(result).toMatchObject({ exitCode: 1, stdout: '' });
    expect(result.stderr).toBe(
      'Client ID is required. Pass it as an argument or set BW_CLIENTID.\n',
    );
  });
});

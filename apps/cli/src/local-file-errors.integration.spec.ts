import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { runBwdc } from './cli-test-harness';

/** Failures on the local side: a broken data file is reported and left as it was. */
describe('bwdc with a data file it cannot read', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bwdc-local-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const bwdc = (args: string[]) =>
    runBwdc({
      dataFile: path.join(dir, 'data.json'),
      env: { BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true' },
      args,
    });

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

import { execFile, spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { startBitwardenServer } from '@bwdc/bitwarden-server';
import { OKTA_FIXTURE_TOKEN, oktaOrgFixture, startOktaEmulator } from '@bwdc/directory-emulators';

const run = promisify(execFile);
const workspaceRoot = path.resolve(__dirname, '../../..');
const cliVersion = (
  JSON.parse(readFileSync(path.join(workspaceRoot, 'apps/cli/package.json'), 'utf8')) as {
    version: string;
  }
).version;

interface PublishedPackageJson {
  readonly name: string;
  readonly version: string;
  readonly bin: Readonly<Record<string, string>>;
  readonly engines: { readonly node: string };
  readonly files: readonly string[];
  readonly dependencies: Readonly<Record<string, string>>;
}

/** Prints, at exit, every package the process required from outside itself. */
const REQUIRE_PROBE = `
const Module = require('node:module');
const seen = new Set();
const load = Module._load;
Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
process.on('exit', () => process.stderr.write('required: ' + [...seen].join(' ') + '\\n'));
`;

/** The machine's own Node (the first on PATH outside node_modules), when it is not ours. */
function machineNode(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'node');
    if (dir.includes('node_modules') || candidate === process.execPath) {
      continue;
    }
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

describe('the bwdc package (npx nx build cli)', () => {
  let outDir: string;
  let dataDir: string;
  let bin: string;

  const packageJson = (): PublishedPackageJson =>
    JSON.parse(readFileSync(path.join(outDir, 'package.json'), 'utf8')) as PublishedPackageJson;

  const bwdc = (args: readonly string[], node: string = process.execPath) =>
    run(node, [bin, ...args], {
      env: { ...process.env, BITWARDENCLI_CONNECTOR_APPDATA_DIR: dataDir },
    });

  beforeAll(async () => {
    // Inside the workspace, so that the native dependency left out of the bundle resolves from its
    // node_modules, as it does from an installed package's.
    mkdirSync(path.join(workspaceRoot, 'tmp'), { recursive: true });
    outDir = mkdtempSync(path.join(workspaceRoot, 'tmp', 'bwdc-package-'));
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bwdc-data-'));
    bin = path.join(outDir, 'main.js');
    await run(process.execPath, ['--import', 'tsx', 'tools/build/src/build-cli.ts', outDir], {
      cwd: workspaceRoot,
    });
  }, 60_000);

  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints its version', async () => {
    const { stdout } = await bwdc(['--version']);

    expect(stdout).toBe(`${cliVersion}\n`);
  });

  it('prints the data file path, plainly and in the --response envelope', async () => {
    const plain = await bwdc(['data-file']);
    const envelope = await bwdc(['--response', 'data-file']);

    expect(plain.stdout).toBe(`${path.join(dataDir, 'data.json')}\n`);
    expect(JSON.parse(envelope.stdout)).toEqual({
      success: true,
      data: { object: 'string', data: path.join(dataDir, 'data.json') },
    });
  });

  it('answers --version and --help without loading storage (the keychain is its witness)', async () => {
    const probe = path.join(outDir, 'require-probe.cjs');
    writeFileSync(probe, REQUIRE_PROBE);
    const withProbe = (args: string[]) =>
      run(process.execPath, ['--require', probe, bin, ...args], {
        env: { ...process.env, BITWARDENCLI_CONNECTOR_APPDATA_DIR: dataDir },
      });

    const version = await withProbe(['--version']);
    const help = await withProbe(['--help']);
    const dataFile = await withProbe(['data-file']);

    expect(version.stderr).toContain('required: ');
    expect(version.stderr).not.toContain('@napi-rs/keyring');
    expect(help.stdout).toContain('data-file');
    expect(help.stderr).not.toContain('@napi-rs/keyring');
    // The probe does see it when a command does load storage.
    expect(dataFile.stderr).toContain('@napi-rs/keyring');
  });

  it('restarts the commands that read the directory with a 16 MB young generation, in place', async () => {
    const probe = path.join(outDir, 'flags-probe.cjs');
    writeFileSync(
      probe,
      "process.on('exit', () => process.stderr.write('flags: ' + process.execArgv.join(' ') + '\\n'));\n",
    );
    const withProbe = (args: string[], nodeOptions?: string) =>
      run(process.execPath, ['--require', probe, bin, ...args], {
        env: {
          ...process.env,
          BITWARDENCLI_CONNECTOR_APPDATA_DIR: dataDir,
          ...(nodeOptions === undefined ? {} : { NODE_OPTIONS: nodeOptions }),
        },
      }).catch((error: { stderr: string }) => error);
    const flagsOf = (stderr: string): string[] =>
      stderr
        .split('\n')
        .filter((line) => line.startsWith('flags: '))
        .map((line) => line.slice('flags: '.length));

    // No directory is configured, so these fail, but only after the restart.
    const test = await withProbe(['--nointeraction', 'test']);
    const sync = await withProbe(['sync']);
    const dataFile = await withProbe(['data-file']);
    const adminsSize = await withProbe(['test'], '--max-semi-space-size=32');

    // One exit only: the restart replaced the process instead of starting a second one.
    expect(flagsOf(test.stderr)).toEqual([`--max-semi-space-size=16 --require ${probe}`]);
    expect(flagsOf(sync.stderr)).toEqual([`--max-semi-space-size=16 --require ${probe}`]);
    expect(flagsOf(dataFile.stderr)).toEqual([`--require ${probe}`]);
    expect(flagsOf(adminsSize.stderr)).toEqual([`--require ${probe}`]);
  });

  it('lets bwdc serve, restarted in place, stop on SIGTERM sent to the pid that was started', async () => {
    const probe = path.join(outDir, 'serve-flags-probe.cjs');
    writeFileSync(
      probe,
      "process.on('exit', () => process.stderr.write('flags: ' + process.execArgv.join(' ') + '\\n'));\n",
    );
    const serve = spawn(
      process.execPath,
      ['--require', probe, bin, 'serve', '--port', '0', '--interval-seconds', '3600'],
      { env: { ...process.env, BITWARDENCLI_CONNECTOR_APPDATA_DIR: dataDir } },
    );
    let stdout = '';
    let stderr = '';
    serve.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    serve.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => serve.once('exit', resolve));

    for (let waited = 0; !stdout.includes('is listening on') && waited < 200; waited += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    serve.kill('SIGTERM');

    expect(stdout).toContain('is listening on');
    await expect(exited).resolves.toBe(0);
    expect(stderr).toContain(`flags: --max-semi-space-size=16 --require ${probe}`);
  }, 30_000);

  it('loads the Okta SDK from its own bundle, only when it reads an Okta org', async () => {
    const organizationId = '6b0e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
    const apiKey = 'oktaBundleTestKeyThirtyCharsLong';
    const [okta, bitwarden] = await Promise.all([
      startOktaEmulator(oktaOrgFixture()),
      startBitwardenServer({
        seed: {
          organizations: [
            {
              id: organizationId,
              apiKey,
              members: [{ email: 'owner@example.com', type: 'owner', status: 'confirmed' }],
              groups: [],
            },
          ],
        },
      }),
    ]);
    const oktaDataDir = mkdtempSync(path.join(os.tmpdir(), 'bwdc-okta-'));
    try {
      const caFile = path.join(oktaDataDir, 'okta-ca.pem');
      writeFileSync(caFile, okta.caPem);
      const probe = path.join(outDir, 'okta-require-probe.cjs');
      writeFileSync(probe, REQUIRE_PROBE);
      const env = {
        ...process.env,
        BITWARDENCLI_CONNECTOR_APPDATA_DIR: oktaDataDir,
        BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true',
        NODE_EXTRA_CA_CERTS: caFile,
        OKTA_TOKEN: OKTA_FIXTURE_TOKEN,
        BW_CLIENTID: `organization.${organizationId}`,
        BW_CLIENTSECRET: apiKey,
      };
      const withProbe = (args: string[]) =>
        run(process.execPath, ['--require', probe, bin, ...args], { env });
      for (const args of [
        ['server', bitwarden.url],
        ['directory', 'okta'],
        ['okta.orgUrl', okta.orgUrl],
        ['okta.token', '--secretenv', 'OKTA_TOKEN'],
        ['sync.users', 'true'],
        ['sync.groups', 'true'],
      ]) {
        await withProbe(['config', ...args]);
      }
      await withProbe(['login']);

      const version = await withProbe(['--version']);
      const test = await withProbe(['--response', 'test']);

      expect(Object.keys(packageJson().dependencies)).not.toContain('@okta/okta-sdk-nodejs');
      expect(readFileSync(path.join(outDir, 'bwdc.js'), 'utf8')).not.toContain('okta-sdk-nodejs');
      expect(version.stderr).not.toContain('./okta-sdk.js');
      expect(test.stderr).toContain('./okta-sdk.js');
      const response = JSON.parse(test.stdout) as {
        success: boolean;
        data: { enabledUsers: { displayName: string }[]; groups: { displayName: string }[] };
      };
      expect(response.success).toBe(true);
      expect(response.data.enabledUsers.map((user) => user.displayName)).toContain(
        'testuser1@bwrox.dev',
      );
      expect(response.data.groups.map((group) => group.displayName)).toContain(
        'Integration Test Group A',
      );
    } finally {
      await Promise.all([okta.stop(), bitwarden.stop()]);
      rmSync(oktaDataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('is an npm package with the bwdc bin, the Node engine and its native dependency', async () => {
    const published = packageJson();
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json'], { cwd: outDir });
    const [packed] = JSON.parse(stdout) as { files: { path: string }[] }[];

    expect(published.version).toBe(cliVersion);
    expect(published.bin).toEqual({ bwdc: 'main.js' });
    expect(published.engines.node).toBe('>=22');
    expect(Object.keys(published.dependencies)).toEqual(['@napi-rs/keyring']);
    expect(packed?.files.map((file) => file.path).sort()).toEqual(
      expect.arrayContaining([
        'README.md',
        'bwdc.js',
        'bwdc.js.map',
        'main.js',
        'okta-sdk.js',
        'okta-sdk.js.map',
        'package.json',
      ]),
    );
  }, 30_000);

  it('runs on the machine’s own Node too when that is Node 20 or newer, else says what it needs', async () => {
    const node = machineNode();
    if (node === undefined) {
      return;
    }
    const { stdout: nodeVersion } = await run(node, ['--version']);
    const major = Number(nodeVersion.trim().slice(1).split('.')[0]);

    if (major >= 22) {
      await expect(bwdc(['--version'], node)).resolves.toMatchObject({ stdout: `${cliVersion}\n` });
      await expect(bwdc(['data-file'], node)).resolves.toMatchObject({
        stdout: `${path.join(dataDir, 'data.json')}\n`,
      });
    } else {
      await expect(bwdc(['--version'], node)).rejects.toMatchObject({
        stderr: expect.stringContaining('bwdc needs Node.js 22 or newer'),
      });
    }
  });
});

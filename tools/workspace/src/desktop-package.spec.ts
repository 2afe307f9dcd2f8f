import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import * as os from 'node:os';
import { isBuiltin } from 'node:module';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vm from 'node:vm';

import type { Configuration } from 'app-builder-lib';
// electron-builder's own loader and validator, as `electron-builder --config` runs them.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';

const run = promisify(execFile);
const workspaceRoot = path.resolve(__dirname, '../../..');

interface AppPackageJson {
  readonly name: string;
  readonly productName: string;
  readonly version: string;
  readonly main: string;
  readonly dependencies: Readonly<Record<string, string>>;
}

interface ProjectJson {
  readonly targets: Readonly<
    Record<
      string,
      {
        readonly dependsOn?: readonly string[];
        readonly outputs?: readonly string[];
        readonly options?: { readonly outputPath?: { readonly base: string } };
      }
    >
  >;
}

/** Every module a CommonJS bundle requires by name. */
const requiresOf = (bundle: string): string[] =>
  [
    ...new Set([...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? '')),
  ].sort();

/** What testing/electron-stand-in.cjs saw, printed as the bundle exits. */
interface StandInReport {
  readonly privilegedSchemes: unknown;
  readonly singleInstanceRequested: boolean;
  readonly windows: readonly { readonly webPreferences: Record<string, unknown> }[];
  readonly loaded: readonly string[];
  readonly trayMenu: readonly string[];
  readonly applicationMenu: readonly string[];
  readonly ipcChannels: string[];
  readonly calls: { readonly fromApp: unknown; readonly fromElsewhere: unknown };
  readonly protocol: unknown;
  readonly beforeQuit: number;
  readonly exited: boolean;
}

/** The channels of the map main and preload share, read from its source (another project's). */
const channelMap = (): string[] =>
  [
    ...readFileSync(
      path.join(workspaceRoot, 'apps/desktop/src/shared/connector-channels.ts'),
      'utf8',
    ).matchAll(/'(connector:[a-z-]+)'/g),
  ]
    .map((match) => match[1] ?? '')
    .sort();

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/**
 * The desktop build's Electron side (`tools/build/src/build-desktop.ts`, the `nx build desktop`
 * target without the renderer, which the end-to-end tests build) and the packaging configuration
 * that consumes it. Electron itself cannot run here, so the bundles are checked as files.
 */
describe('the desktop app (npx nx build desktop)', () => {
  let outDir: string;

  beforeAll(async () => {
    mkdirSync(path.join(workspaceRoot, 'tmp'), { recursive: true });
    outDir = mkdtempSync(path.join(workspaceRoot, 'tmp', 'desktop-app-'));
    await run(process.execPath, ['--import', 'tsx', 'tools/build/src/build-desktop.ts', outDir], {
      cwd: workspaceRoot,
    });
  }, 60_000);

  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  const appPackage = () => readJson<AppPackageJson>(path.join(outDir, 'package.json'));

  it('writes the main and preload bundles and an app package.json whose main is the former', () => {
    const packageJson = appPackage();

    expect(packageJson).toMatchObject({
      name: 'bwdc-desktop',
      productName: 'Directory Connector for Bitwarden',
      main: 'main/main.js',
    });
    expect(existsSync(path.join(outDir, packageJson.main))).toBe(true);
    expect(existsSync(path.join(outDir, 'preload/preload.js'))).toBe(true);
  });

  it('puts the renderer beside them: build depends on build-renderer, whose output is renderer/', () => {
    const project = readJson<ProjectJson>(path.join(workspaceRoot, 'apps/desktop/project.json'));

    expect(project.targets['build']?.dependsOn).toEqual(['build-renderer']);
    expect(project.targets['build-renderer']?.options?.outputPath?.base).toBe(
      'dist/apps/desktop/renderer',
    );
    expect(project.targets['build']?.outputs).toEqual([
      '{workspaceRoot}/dist/apps/desktop/main',
      '{workspaceRoot}/dist/apps/desktop/preload',
      '{workspaceRoot}/dist/apps/desktop/package.json',
    ]);
  });

  it('has a sandboxed preload that requires electron and nothing else', () => {
    const preload = readFileSync(path.join(outDir, 'preload/preload.js'), 'utf8');

    expect(requiresOf(preload)).toEqual(['electron']);
  });

  it('has a preload that exposes window.connector.invoke, refusing channels not in the map', async () => {
    const exposed = new Map<string, unknown>();
    const sent: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => {
          sent.push(args);
          return { ok: true, value: null };
        },
      },
    };
    const sandbox = {
      require: (name: string) => {
        if (name !== 'electron') {
          throw new Error(`A sandboxed preload cannot require ${name}`);
        }
        return electron;
      },
    };
    vm.runInNewContext(readFileSync(path.join(outDir, 'preload/preload.js'), 'utf8'), sandbox);
    const connector = exposed.get('connector') as {
      invoke: (channel: string, ...args: unknown[]) => Promise<unknown>;
    };

    expect([...exposed.keys()]).toEqual(['connector']);
    expect(Object.keys(connector)).toEqual(['invoke']);
    await expect(connector.invoke('connector:last-sync', 'users')).resolves.toEqual({
      ok: true,
      value: null,
    });
    await expect(connector.invoke('connector:read-file', '/etc/passwd')).rejects.toThrow(
      'not a connector channel',
    );
    expect(sent).toEqual([['connector:last-sync', 'users']]);
  });

  it('has a main bundle that requires only Node, electron and the native dependency', () => {
    const main = readFileSync(path.join(outDir, 'main/main.js'), 'utf8');
    const packages = requiresOf(main).filter((name) => !isBuiltin(name));

    // Optional requires, guarded where they are made and absent here as in bwdc: usocket and x11
    // (dbus-next), encoding (node-fetch 2) and vertx (es6-promise), the last two under the Okta SDK.
    expect(packages).toEqual([
      '@napi-rs/keyring',
      'electron',
      'encoding',
      'usocket',
      'vertx',
      'x11',
    ]);
    expect(Object.keys(appPackage().dependencies)).toEqual(['@napi-rs/keyring']);
  });

  it('is what electron-builder’s configuration packages, which its own schema accepts', async () => {
    const config: Configuration = await getConfig(
      workspaceRoot,
      'apps/desktop/electron-builder.yml',
      null,
    );

    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.directories?.app).toBe('dist/apps/desktop');
    expect(config.files).toEqual([
      expect.objectContaining({
        filter: expect.arrayContaining([
          'package.json',
          'main/**/*',
          'preload/**/*',
          'renderer/**/*',
        ]),
      }),
    ]);
    expect(config.publish).toBeNull();
  }, 30_000);

  it('starts, serves and quits when its main bundle runs against a stand-in for Electron', async () => {
    // Electron's module as testing/electron-stand-in.cjs plays it, found by the bundle's require.
    mkdirSync(path.join(outDir, 'node_modules/electron'), { recursive: true });
    copyFileSync(
      path.join(__dirname, 'testing/electron-stand-in.cjs'),
      path.join(outDir, 'node_modules/electron/index.js'),
    );
    const index = '<!doctype html><title>Directory Connector</title>';
    mkdirSync(path.join(outDir, 'renderer'), { recursive: true });
    writeFileSync(path.join(outDir, 'renderer/index.html'), index);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bwdc-desktop-data-'));

    try {
      const { stdout } = await run(process.execPath, [path.join(outDir, 'main/main.js')], {
        env: {
          ...process.env,
          BITWARDENCLI_CONNECTOR_APPDATA_DIR: dataDir,
          BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true',
        },
        timeout: 30_000,
      });
      const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as StandInReport;

      expect(report.privilegedSchemes).toEqual([
        { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
      ]);
      expect(report.singleInstanceRequested).toBe(true);
      expect(report.windows).toHaveLength(1);
      expect(report.windows[0]?.webPreferences).toMatchObject({
        contextIsolation: true,
        nodeIntegration: false,
        sandbox: true,
        preload: path.join(outDir, 'preload/preload.js'),
      });
      expect(report.loaded).toEqual(['app://bwdc/index.html']);
      expect(report.protocol).toEqual({
        status: 200,
        csp: expect.stringContaining("default-src 'none'"),
        body: index,
        escapeStatus: 403,
      });
      expect(report.ipcChannels.sort()).toEqual(channelMap());
      expect(report.calls.fromApp).toEqual({ ok: true, value: false });
      expect(report.calls.fromElsewhere).toMatchObject({
        ok: false,
        error: { code: 'IPC_UNTRUSTED_SENDER' },
      });
      expect(report.applicationMenu).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
      expect(report.trayMenu).toEqual(expect.arrayContaining(['Sync Now', 'Quit']));
      // Two Quits while disposing are held back; the third, main's own, goes through.
      expect(report.beforeQuit).toBe(3);
      expect(report.exited).toBe(true);
      expect(readFileSync(path.join(dataDir, 'desktop.log'), 'utf8')).toContain('started');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

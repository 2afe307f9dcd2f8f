/**
 * Bundles the desktop app's Electron side with esbuild, beside the renderer that
 * `nx run desktop:build-renderer` writes, so `outDir` is the app electron-builder packages:
 *
 * - `main/main.js` (+ map): `apps/desktop/src/main/electron/main.ts` and everything it imports in
 *   one CommonJS file for Electron's Node. `electron` and the native packages stay `require`d.
 * - `preload/preload.js`: the sandboxed preload, one CommonJS file that requires `electron` and
 *   nothing else (a sandboxed preload can require little more; the build refuses anything else).
 * - `package.json`: name, productName, version, `main`, and the native packages as dependencies
 *   (electron-builder installs them for the target platform).
 * - `renderer/`: not touched here (the `build` target depends on `build-renderer`).
 *
 * Run it through Nx (`npx nx build desktop`, output `dist/apps/desktop`) or directly:
 * `tsx tools/build/src/build-desktop.ts [outdir]`.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

import { build, type BuildOptions, type Metafile } from 'esbuild';

import {
  NATIVE_PACKAGES,
  OPTIONAL_PACKAGES,
  assertNoNativeInputs,
  externalPackagesOf,
} from './bundle-externals';

const workspaceRoot = path.resolve(__dirname, '../../..');
const desktopRoot = path.join(workspaceRoot, 'apps/desktop');

export const DEFAULT_OUT_DIR = path.join(workspaceRoot, 'dist/apps/desktop');

/**
 * What the pinned Electron runs (Electron 40 and later ship Node 24 and Chromium 144 or newer),
 * so nothing the runtime understands is lowered.
 */
export const ELECTRON_NODE_TARGET = 'node24';
export const ELECTRON_CHROME_TARGET = 'chrome144';

/** The app's files inside `outDir`; main.ts finds its neighbours by the same layout. */
export const MAIN_BUNDLE = 'main/main.js';
export const PRELOAD_BUNDLE = 'preload/preload.js';

interface PackageJson {
  readonly name: string;
  readonly productName?: string;
  readonly version: string;
  readonly description?: string;
  readonly license?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
}

export interface BuildDesktopResult {
  readonly outDir: string;
  readonly mainFile: string;
  readonly preloadFile: string;
  /** What each bundle still requires at run time, builtins aside. */
  readonly mainRequires: readonly string[];
  readonly preloadRequires: readonly string[];
  /** What the app's package.json says. */
  readonly packageJson: Readonly<Record<string, unknown>>;
}

const readJson = async <T>(file: string): Promise<T> =>
  JSON.parse(await readFile(file, 'utf8')) as T;

const COMMON = {
  bundle: true,
  format: 'cjs',
  // The `@bwdc/*` aliases.
  tsconfig: path.join(workspaceRoot, 'tsconfig.base.json'),
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: workspaceRoot,
} as const satisfies BuildOptions;

export async function buildDesktop(outDir: string = DEFAULT_OUT_DIR): Promise<BuildDesktopResult> {
  const rootPackage = await readJson<PackageJson>(path.join(workspaceRoot, 'package.json'));
  const desktopPackage = await readJson<PackageJson>(path.join(desktopRoot, 'package.json'));

  // The renderer shares outDir and is another target's output: only this build's files go.
  for (const owned of ['main', 'preload', 'package.json']) {
    await rm(path.join(outDir, owned), { recursive: true, force: true });
  }
  await mkdir(outDir, { recursive: true });

  const mainFile = path.join(outDir, MAIN_BUNDLE);
  const preloadFile = path.join(outDir, PRELOAD_BUNDLE);
  const [main, preload] = await Promise.all([
    build({
      ...COMMON,
      entryPoints: [path.join(desktopRoot, 'src/main/electron/main.ts')],
      outfile: mainFile,
      platform: 'node',
      target: ELECTRON_NODE_TARGET,
      external: ['electron', ...NATIVE_PACKAGES, ...OPTIONAL_PACKAGES],
    }),
    build({
      ...COMMON,
      entryPoints: [path.join(desktopRoot, 'src/preload/preload.ts')],
      outfile: preloadFile,
      // A sandboxed preload has no Node: a builtin import fails the build instead of the window.
      platform: 'browser',
      target: ELECTRON_CHROME_TARGET,
      external: ['electron'],
    }),
  ]);

  assertNoNativeInputs(main.metafile);
  const mainRequires = externalPackagesOf(main.metafile);
  const preloadRequires = requiresOf(preload.metafile);
  if (preloadRequires.some((name) => name !== 'electron')) {
    throw new Error(
      `The sandboxed preload may require electron alone: ${preloadRequires.join(', ')}`,
    );
  }

  const dependencies: Record<string, string> = {};
  for (const name of mainRequires) {
    if (name === 'electron' || OPTIONAL_PACKAGES.includes(name)) {
      continue;
    }
    const declared = rootPackage.dependencies?.[name];
    if (declared === undefined) {
      throw new Error(`${name} stays external but is not a dependency in package.json`);
    }
    dependencies[name] = declared;
  }

  const packageJson: Record<string, unknown> = {
    // A plain name: electron-builder derives file and executable names from it.
    name: 'bwdc-desktop',
    productName: desktopPackage.productName,
    version: desktopPackage.version,
    description: desktopPackage.description ?? rootPackage.description,
    license: desktopPackage.license ?? rootPackage.license,
    private: true,
    main: MAIN_BUNDLE,
    dependencies,
  };
  await writeFile(path.join(outDir, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);

  return { outDir, mainFile, preloadFile, mainRequires, preloadRequires, packageJson };
}

/** Every module the bundle requires at run time, builtins included: the preload may have none. */
function requiresOf(metafile: Metafile): string[] {
  const names = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) {
      if (imported.external) {
        names.add(imported.path);
      }
    }
  }
  return [...names].sort();
}

if (require.main === module) {
  buildDesktop(process.argv[2] === undefined ? undefined : path.resolve(process.argv[2])).then(
    ({ outDir, packageJson }) => {
      const where = path.relative(process.cwd(), outDir) || '.';
      console.log(
        `${String(packageJson['productName'])} ${String(packageJson['version'])}: ${where}/${MAIN_BUNDLE}, ${where}/${PRELOAD_BUNDLE}`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

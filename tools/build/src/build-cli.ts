/**
 * Bundles `bwdc` (apps/cli) with esbuild and writes the npm package around it:
 *
 * - `bwdc.js` (+ `bwdc.js.map`): `apps/cli/src/main.ts` and everything it imports in one CommonJS
 *   file, `@bwdc/*` aliases resolved through tsconfig.base.json, except the packages of
 *   `SEPARATE_BUNDLES`.
 * - `okta-sdk.js` (+ map): the Okta SDK and its dependencies, bundled on their own and `require`d
 *   by `bwdc.js` only when an Okta directory is read.
 * - `main.js`, the `bwdc` bin: a few lines of ES5 that refuse a too old Node with a clear message,
 *   turn on Node's compile cache (`module.enableCompileCache()`, Node 22.1+: V8 then reuses the
 *   bundle's compiled code instead of parsing 1.7 MB on every start), restart the commands that
 *   read the directory with a smaller young generation (`YOUNG_GENERATION_FLAG`) and load
 *   `bwdc.js`.
 * - `package.json` with the `bwdc` bin, `README.md`, `bwdc.js.LEGAL.txt` (bundled licences).
 *
 * Everything pure JavaScript is bundled, so the package installs without fetching commander, zod,
 * lowdb... Packages that ship native `.node` binaries cannot be bundled: they stay `require`d at
 * run time and become the package's `dependencies`, with the range the workspace declares.
 *
 * Run it through Nx (`npx nx build cli`, output `dist/apps/cli`) or directly:
 * `tsx tools/build/src/build-cli.ts [outdir]`.
 */
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

import { build, type BuildOptions, type Plugin } from 'esbuild';

import {
  NATIVE_PACKAGES,
  OPTIONAL_PACKAGES,
  assertNoNativeInputs,
  externalPackagesOf,
} from './bundle-externals';

const workspaceRoot = path.resolve(__dirname, '../../..');
const cliRoot = path.join(workspaceRoot, 'apps/cli');

export const DEFAULT_OUT_DIR = path.join(workspaceRoot, 'dist/apps/cli');

/** The Node the bundle is built for: the workspace's runtime, so no syntax is lowered. */
export const TARGET_NODE_MAJOR = 24;

/**
 * The oldest Node `bwdc` runs on, and the package's `engines`: ldapts 9, the LDAP client, declares
 * Node 22. The workspace develops and tests on Node 24; an older Node gets a clear message from
 * the launcher instead of a syntax error (the CLI test checks that on the machine's own Node).
 */
export const MIN_NODE_MAJOR = 22;

/**
 * Packages that one provider loads on first use (`await import(...)`), bundled into a file of their
 * own so that other starts neither read nor compile them: the Okta SDK and what it pulls in
 * (node-forge, node-jose, lodash, mime-db...) weigh 4.5 of the 6.5 MB one bundle would be, and
 * took 50–100 ms of every start (docs/performance.md).
 */
export const SEPARATE_BUNDLES: Readonly<Record<string, string>> = {
  '@okta/okta-sdk-nodejs': 'okta-sdk.js',
};

/** The commands that read the whole directory into memory. */
export const DIRECTORY_COMMANDS = ['sync', 'test', 'plan', 'serve'];

/**
 * A read keeps nearly everything it allocates, and V8 then grows the young generation to 64 MB
 * semi-spaces (Node does not compress pointers): 120 MB more peak RSS for 100,000 users, and
 * slower than 16 MB ones (docs/performance.md). Node takes the flag only at start-up, so the
 * launcher restarts itself with it for the commands that read the directory: `process.execve`
 * (Node 22.15+, not on Windows) keeps the pid, stdio and signals, at the cost of one bare Node
 * start (about 70 ms). A size the admin sets in NODE_OPTIONS or on the command line wins.
 */
export const YOUNG_GENERATION_FLAG = '--max-semi-space-size=16';

/**
 * `main.js`. ES5 so that any Node parses it and gets the message, not a syntax error.
 */
const LAUNCHER = `#!/usr/bin/env node
'use strict';
if (Number(process.versions.node.split('.')[0]) < ${MIN_NODE_MAJOR}) {
  process.stderr.write(
    'bwdc needs Node.js ${MIN_NODE_MAJOR} or newer; this is Node.js ' + process.versions.node + '.\\n'
  );
  process.exit(1);
}
var command = process.argv.slice(2).filter(function (arg) {
  return arg.charAt(0) !== '-';
})[0];
var nodeFlags = process.execArgv.join(' ') + ' ' + (process.env.NODE_OPTIONS || '');
if (
  ${JSON.stringify(DIRECTORY_COMMANDS)}.indexOf(command) !== -1 &&
  typeof process.execve === 'function' &&
  nodeFlags.indexOf('--max-semi-space-size') === -1
) {
  try {
    process.execve(
      process.execPath,
      [process.execPath, '${YOUNG_GENERATION_FLAG}'].concat(process.execArgv, process.argv.slice(1)),
      process.env
    );
  } catch (error) {
    // Not restarted (a sandbox refusing exec, say): the command runs here, with more memory.
  }
}
var nodeModule = require('node:module');
if (typeof nodeModule.enableCompileCache === 'function') {
  nodeModule.enableCompileCache();
}
require('./bwdc.js');
`;

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly description?: string;
  readonly license?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
}

export interface BuildCliResult {
  readonly outDir: string;
  /** The bin, `main.js`. */
  readonly mainFile: string;
  /** The bundle, `bwdc.js`. */
  readonly bundleFile: string;
  /** Bundle size in bytes. */
  readonly bytes: number;
  /** What the published package.json says. */
  readonly packageJson: Readonly<Record<string, unknown>>;
}

/** Points the imports of `SEPARATE_BUNDLES` packages at their own file beside `bwdc.js`. */
const separateBundles: Plugin = {
  name: 'separate-bundles',
  setup(pluginBuild) {
    const names = Object.keys(SEPARATE_BUNDLES).map((name) => name.replace(/[/.]/g, '\\$&'));
    pluginBuild.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({
      path: `./${SEPARATE_BUNDLES[args.path] ?? ''}`,
      external: true,
    }));
  },
};

const readJson = async <T>(file: string): Promise<T> =>
  JSON.parse(await readFile(file, 'utf8')) as T;

export async function buildCli(outDir: string = DEFAULT_OUT_DIR): Promise<BuildCliResult> {
  const rootPackage = await readJson<PackageJson>(path.join(workspaceRoot, 'package.json'));
  const cliPackage = await readJson<PackageJson>(path.join(cliRoot, 'package.json'));

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  const mainFile = path.join(outDir, 'main.js');
  const bundleFile = path.join(outDir, 'bwdc.js');
  const options = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${TARGET_NODE_MAJOR}`,
    external: [...NATIVE_PACKAGES, ...OPTIONAL_PACKAGES],
    // A third of the bytes to read and compile at every start; names kept, because errors are
    // told apart by their class names and the output shows them.
    minify: true,
    keepNames: true,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: workspaceRoot,
  } as const satisfies BuildOptions;
  const result = await build({
    ...options,
    entryPoints: [path.join(cliRoot, 'src/main.ts')],
    outfile: bundleFile,
    // The `@bwdc/*` aliases.
    tsconfig: path.join(workspaceRoot, 'tsconfig.base.json'),
    plugins: [separateBundles],
    // `await import(sdk)` as `require`, wrapped like any bundled module: Node's own import() of
    // a CommonJS file only finds the names it can see in the source, and the SDK's are hidden.
    supported: { 'dynamic-import': false },
  });
  const separate = await Promise.all(
    Object.entries(SEPARATE_BUNDLES).map(([name, file]) =>
      build({
        ...options,
        stdin: {
          contents: `module.exports = require(${JSON.stringify(name)});`,
          resolveDir: workspaceRoot,
          sourcefile: file,
        },
        outfile: path.join(outDir, file),
      }),
    ),
  );
  const metafiles = [result.metafile, ...separate.map((bundle) => bundle.metafile)];

  const dependencies: Record<string, string> = {};
  for (const metafile of metafiles) {
    assertNoNativeInputs(metafile);
  }
  for (const name of new Set(metafiles.flatMap(externalPackagesOf))) {
    if (OPTIONAL_PACKAGES.includes(name)) {
      continue;
    }
    const declared = rootPackage.dependencies?.[name];
    if (declared === undefined) {
      throw new Error(`${name} stays external but is not a dependency in package.json`);
    }
    dependencies[name] = declared;
  }

  await writeFile(mainFile, LAUNCHER, { mode: 0o755 });

  const files = ['main.js', 'README.md'];
  for (const metafile of metafiles) {
    files.push(...Object.keys(metafile.outputs).map((output) => path.basename(output)));
  }

  const packageJson: Record<string, unknown> = {
    name: cliPackage.name,
    version: cliPackage.version,
    description: cliPackage.description ?? rootPackage.description,
    license: cliPackage.license ?? rootPackage.license,
    bin: { bwdc: 'main.js' },
    main: 'main.js',
    files,
    engines: { node: `>=${MIN_NODE_MAJOR}` },
    dependencies,
  };
  await writeFile(path.join(outDir, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
  await copyFile(path.join(cliRoot, 'README.md'), path.join(outDir, 'README.md'));

  const { bytes } = result.metafile.outputs[path.relative(workspaceRoot, bundleFile)] ?? {
    bytes: 0,
  };
  return { outDir, mainFile, bundleFile, bytes, packageJson };
}

if (require.main === module) {
  buildCli(process.argv[2] === undefined ? undefined : path.resolve(process.argv[2])).then(
    ({ outDir, bytes, packageJson }) => {
      console.log(
        `bwdc ${String(packageJson['version'])}: ${path.relative(process.cwd(), outDir) || '.'}/bwdc.js, ${(bytes / 1024).toFixed(0)} KiB`,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

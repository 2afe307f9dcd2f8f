import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';

const workspaceRoot = path.resolve(__dirname, '../../..');

interface Probe {
  readonly name: string;
  readonly project: string;
  readonly code: string;
  /** Probes named `*.integration.spec` are checked under the integration-test rules. */
  readonly suffix?: string;
}

/**
 * Each probe is a file written into a project for the length of this test, importing something;
 * one real `eslint` run over all of them shows which imports the workspace's lint rejects.
 */
const probe = (
  name: string,
  project: string,
  importLine: string,
  binding: string,
  suffix = '',
): Probe => ({
  name,
  project,
  code: `${importLine}\n\nexport const probe = [${binding}];\n`,
  suffix,
});

const probes: readonly Probe[] = [
  probe(
    'core-imports-storage',
    'libs/core',
    "import { resolveDataFilePath } from '@bwdc/storage';",
    'resolveDataFilePath',
  ),
  probe(
    'core-imports-providers',
    'libs/core',
    "import { providerRegistry } from '@bwdc/providers';",
    'providerRegistry',
  ),
  probe(
    'providers-imports-storage',
    'libs/providers',
    "import { resolveDataFilePath } from '@bwdc/storage';",
    'resolveDataFilePath',
  ),
  probe(
    'storage-imports-providers',
    'libs/storage',
    "import { providerRegistry } from '@bwdc/providers';",
    'providerRegistry',
  ),
  probe(
    'core-imports-fixtures',
    'libs/core',
    "import { generateDirectory } from '@bwdc/fixtures';",
    'generateDirectory',
  ),
  probe(
    'providers-imports-core',
    'libs/providers',
    "import { planSync } from '@bwdc/core';",
    'planSync',
  ),
  probe(
    'storage-imports-core',
    'libs/storage',
    "import { planSync } from '@bwdc/core';",
    'planSync',
  ),
  probe(
    'cli-imports-storage',
    'apps/cli',
    "import { resolveDataFilePath } from '@bwdc/storage';",
    'resolveDataFilePath',
  ),
  probe(
    'emulator-imports-core',
    'tools/bitwarden-server',
    "import { planSync } from '@bwdc/core';",
    'planSync',
  ),
  probe(
    'core-imports-emulator',
    'libs/core',
    "import { startBitwardenServer } from '@bwdc/bitwarden-server';",
    'startBitwardenServer',
  ),
  probe(
    'core-integration-test-imports-emulator',
    'libs/core',
    "import { startBitwardenServer } from '@bwdc/bitwarden-server';",
    'startBitwardenServer',
    '.integration.spec',
  ),
  probe(
    'providers-deep-imports-core',
    'libs/providers',
    "import { planSync } from '@bwdc/core/src/sync/plan-sync';",
    'planSync',
  ),
];

const probePath = (entry: Probe) =>
  path.join(
    workspaceRoot,
    entry.project,
    'src',
    `__boundary_probe__${entry.name}${entry.suffix ?? ''}.ts`,
  );

interface EslintFileResult {
  readonly filePath: string;
  readonly messages: readonly { readonly ruleId: string | null; readonly message: string }[];
}

describe('module boundaries', () => {
  const brokenRules = new Map<string, string[]>();

  beforeAll(async () => {
    await Promise.all(probes.map((entry) => writeFile(probePath(entry), entry.code)));
    const eslint = path.join(workspaceRoot, 'node_modules/eslint/bin/eslint.js');
    const run = promisify(execFile)(
      process.execPath,
      [eslint, '--format', 'json', ...probes.map(probePath)],
      { cwd: workspaceRoot, env: { ...process.env, NX_DAEMON: 'false' }, maxBuffer: 64 << 20 },
    );
    // ESLint exits 1 when it finds errors, which some probes must produce.
    const { stdout } = await run.catch((error: { stdout?: string }) => ({
      stdout: error.stdout ?? '',
    }));
    for (const result of JSON.parse(stdout) as EslintFileResult[]) {
      brokenRules.set(
        result.filePath,
        result.messages.map((message) => message.ruleId ?? message.message),
      );
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(probes.map((entry) => rm(probePath(entry), { force: true })));
  });

  const rulesBrokenBy = (name: string): string[] => {
    const entry = probes.find((candidate) => candidate.name === name);
    const rules = entry ? brokenRules.get(probePath(entry)) : undefined;
    if (!rules) {
      throw new Error(`ESLint reported nothing for probe ${name}`);
    }
    return rules;
  };

  it.each([
    'core-imports-storage',
    'core-imports-providers',
    'providers-imports-storage',
    'storage-imports-providers',
    'core-imports-fixtures',
    'emulator-imports-core',
    'core-imports-emulator',
  ])('rejects %s', (name) => {
    expect(rulesBrokenBy(name)).toContain('@nx/enforce-module-boundaries');
  });

  it.each([
    'providers-imports-core',
    'storage-imports-core',
    'cli-imports-storage',
    'core-integration-test-imports-emulator',
  ])('allows %s', (name) => {
    expect(rulesBrokenBy(name)).toEqual([]);
  });

  it('rejects a deep import past a library’s public entry', () => {
    expect(rulesBrokenBy('providers-deep-imports-core')).toContain('no-restricted-imports');
  });
});

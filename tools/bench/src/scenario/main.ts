/**
 * The benchmark runner: `npm run bench -- <scenario> [--runs N] [--compare '<cmd>']... [--json f]`.
 * Loads a generated directory into a throw-away slapd, points the bundled bwdc at it and at the
 * local Bitwarden server, and measures `ldapsearch` (the floor), `bwdc test` and a full
 * `bwdc sync` (and any --compare command) under GNU time. Method: tools/bench/README.md.
 * `npm run bench -- engine [...]` runs the sync engine benchmark instead.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { parseBenchArgs, USAGE, UsageError } from './args';
import { ensureCliBundle } from './cli-bundle';
import { measuredCommands } from './commands';
import { countProblems, readCounts } from './counts-check';
import { setUp, tearDown, type Resources } from './environment';
import { figuresJson, printReport, type BenchFigures } from './report';
import { runRounds } from './rounds';
import { findScenario, SCENARIOS } from './scenarios';
import { ensureSystemTools, slapdVersion } from './system-tools';

const ENGINE_BENCH = path.join(__dirname, '..', 'engine.bench.ts');

/** The engine benchmark keeps its own process: it measures its own heap and needs --expose-gc. */
function runEngineBench(args: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', ENGINE_BENCH, ...args], {
    stdio: 'inherit',
  });
  return new Promise((resolve) => child.once('close', (code) => resolve(code ?? 1)));
}

async function runScenario(argv: readonly string[]): Promise<number> {
  const args = parseBenchArgs(argv);
  const scenario = findScenario(args.scenario);
  if (scenario === undefined) {
    throw new UsageError(
      `unknown scenario ${args.scenario}; one of ${SCENARIOS.map((s) => s.name).join(', ')}`,
    );
  }
  const runs = args.runs ?? scenario.defaultRuns;
  ensureSystemTools();
  ensureCliBundle();

  const resources: Resources = {};
  const onSignal = (signal: NodeJS.Signals): void => {
    void tearDown(resources).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const environment = await setUp(scenario, args.bodyLimit, resources);
    const read = await readCounts(environment);
    const commands = measuredCommands(args.compare);
    const { samples, warmUp } = await runRounds(environment, commands, runs);
    const syncs = [warmUp.get('sync'), ...(samples.get('sync') ?? [])].filter(
      (sample) => sample !== undefined,
    );
    const figures: BenchFigures = {
      scenario,
      runs,
      machine: { cpus: os.availableParallelism(), node: process.version, slapd: slapdVersion() },
      directory: environment.directory,
      commands,
      samples,
      read,
      bodyLimit: args.bodyLimit,
      problems: countProblems(environment.directory, read, syncs),
    };
    printReport(figures);
    if (args.json !== undefined) {
      writeFileSync(args.json, `${JSON.stringify(figuresJson(figures), null, 2)}\n`);
    }
    return figures.problems.length === 0 ? 0 : 1;
  } finally {
    await tearDown(resources);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

const argv = process.argv.slice(2);
(argv[0] === 'engine' ? runEngineBench(argv.slice(1)) : runScenario(argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    console.error(error);
    process.exitCode = 1;
  },
);

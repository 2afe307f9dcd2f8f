/**
 * Start time of the bundled CLI. Goal (issue 6): `bwdc --version` within 0.3 s, median.
 * Run with `npm run bench:cli` (builds `dist/apps/cli` first).
 *
 * Each command runs `BWDC_BENCH_RUNS` times (default 20) after two warm-up runs, as a fresh
 * process (`spawnSync`), timed from spawn to exit with `process.hrtime.bigint()`: the wall time an
 * admin or a cron job waits, Node's own start included. The same Node runs everything: the one
 * running this script (npm scripts run the workspace's Node 24). The data file location points to
 * an empty temporary folder. For reference it also times bare `node -e 0` (Node's own start) and
 * the unbundled sources through tsx, as `npx tsx apps/cli/src/main.ts --version` runs them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const GOAL_MS = 300;
const RUNS = Number(process.env['BWDC_BENCH_RUNS'] ?? 20);
const WARM_UP_RUNS = 2;

const workspaceRoot = path.resolve(__dirname, '../../..');
const bundle = path.join(workspaceRoot, 'dist/apps/cli/main.js');
const tsxCli = path.join(workspaceRoot, 'node_modules/tsx/dist/cli.mjs');

interface Case {
  readonly label: string;
  readonly args: readonly string[];
  readonly runs: number;
  readonly goalMs?: number;
}

interface Result {
  readonly label: string;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly p90: number;
  readonly goalMs: number | undefined;
}

/** Linear interpolation between the closest ranks. */
const quantile = (sorted: readonly number[], q: number): number => {
  const position = (sorted.length - 1) * q;
  const low = sorted[Math.floor(position)] ?? 0;
  const high = sorted[Math.ceil(position)] ?? 0;
  return low + (high - low) * (position - Math.floor(position));
};

function time(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { env, cwd: workspaceRoot, encoding: 'utf8' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) {
    throw new Error(`node ${args.join(' ')} exited with ${child.status}: ${child.stderr}`);
  }
  return elapsed;
}

function measure(run: Case, env: NodeJS.ProcessEnv): Result {
  for (let i = 0; i < WARM_UP_RUNS; i += 1) {
    time(run.args, env);
  }
  const times: number[] = [];
  for (let i = 0; i < run.runs; i += 1) {
    times.push(time(run.args, env));
  }
  times.sort((a, b) => a - b);
  return {
    label: run.label,
    median: quantile(times, 0.5),
    min: times[0] ?? 0,
    max: times.at(-1) ?? 0,
    p90: quantile(times, 0.9),
    goalMs: run.goalMs,
  };
}

function main(): void {
  if (!existsSync(bundle)) {
    throw new Error(
      `${bundle} is missing: build it with npx nx build cli (npm run bench:cli does).`,
    );
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bwdc-bench-'));
  const env = { ...process.env, BITWARDENCLI_CONNECTOR_APPDATA_DIR: dataDir };
  const relativeBundle = path.relative(workspaceRoot, bundle);
  const cases: Case[] = [
    { label: 'node -e 0 (Node alone)', args: ['-e', '0'], runs: RUNS },
    {
      label: `${relativeBundle} --version`,
      args: [bundle, '--version'],
      runs: RUNS,
      goalMs: GOAL_MS,
    },
    { label: `${relativeBundle} --help`, args: [bundle, '--help'], runs: RUNS },
    { label: `${relativeBundle} data-file`, args: [bundle, 'data-file'], runs: RUNS },
    {
      label: 'tsx apps/cli/src/main.ts --version (sources)',
      args: [tsxCli, 'apps/cli/src/main.ts', '--version'],
      runs: Math.min(RUNS, 5),
    },
  ];
  try {
    console.log(
      `bwdc start time: Node ${process.versions.node}, ${os.cpus().length} cores, ${RUNS} runs each after ${WARM_UP_RUNS} warm-up runs (sources: ${Math.min(RUNS, 5)})\n`,
    );
    const results = cases.map((run) => measure(run, env));
    const width = Math.max(...results.map((result) => result.label.length));
    const cell = (value: number): string => `${value.toFixed(0)} ms`.padStart(8);
    console.log(
      `${'command'.padEnd(width)}  ${'median'.padStart(8)}  ${'min'.padStart(8)}  ${'p90'.padStart(8)}  ${'max'.padStart(8)}  goal`,
    );
    let missed = false;
    for (const result of results) {
      let goal = '';
      if (result.goalMs !== undefined) {
        const met = result.median <= result.goalMs;
        missed ||= !met;
        goal = `≤ ${result.goalMs} ms: ${met ? 'met' : 'MISSED'}`;
      }
      console.log(
        `${result.label.padEnd(width)}  ${cell(result.median)}  ${cell(result.min)}  ${cell(result.p90)}  ${cell(result.max)}  ${goal}`,
      );
    }
    if (missed) {
      console.error(`\nbwdc --version missed the goal: median over ${GOAL_MS} ms.`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main();

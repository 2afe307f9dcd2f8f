/**
 * The sync engine on a large directory: 100,000 users and 5,000 groups nested four levels deep,
 * with diamonds and cycles. Goal: under 1 second and under 300 MB. Run with `npm run bench`.
 *
 * Time: five runs in this process. The first is what one `bwdc sync` pays (cold JIT, fresh
 * memory); the median is the steady state of a long-running process.
 * Memory: one run in a fresh child process whose V8 old space is capped at 120 MB, so the input
 * and everything the engine keeps must fit in it (the run fails otherwise). The child reads the
 * directory from a JSON file, as a process that has just fetched it would hold it, and reports
 * its peak resident set size.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { planSync, type SyncPlanInput } from '@bwdc/core';
import { generateDirectory, type GeneratedDirectory } from '@bwdc/fixtures';

const RUNS = 10;
const OLD_SPACE_CAP_MB = 120;
const INPUT_FILE = 'BWDC_BENCH_INPUT_FILE';
const MIB = 1024 * 1024;

const mib = (bytes: number): string => `${(bytes / MIB).toFixed(0)} MB`;
const ms = (value: number | undefined): string => `${(value ?? 0).toFixed(0)} ms`;

function collectGarbage(): void {
  if (typeof global.gc !== 'function') {
    throw new Error('Run the benchmark with node --expose-gc (npm run bench does).');
  }
  global.gc();
}

function writeDirectoryFile(file: string): void {
  const directory = generateDirectory({
    users: 100_000,
    groups: 5_000,
    nestingLevels: 4,
    cycles: 25,
    groupsPerUser: 2,
    seed: 42,
  });
  writeFileSync(file, JSON.stringify(directory));
}

/** The directory as a provider would hand it over: parsed from JSON, ids as flat strings. */
function benchInput(file: string): SyncPlanInput {
  const directory = JSON.parse(readFileSync(file, 'utf8')) as GeneratedDirectory;
  return {
    users: directory.users,
    groups: directory.groups,
    options: {
      removeDisabled: true,
      overwriteExisting: false,
      largeImport: true,
      inviteUsersAfterProvisioning: false,
    },
    destination: { apiUrl: 'https://api.bitwarden.com', organizationId: 'bench-org' },
    previousFingerprint: null,
  };
}

function measureMemory(file: string): void {
  const input = benchInput(file);
  collectGarbage();
  const inputHeap = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const plan = planSync(input);
  const peakAfter = process.resourceUsage().maxRSS * 1024;
  console.log(
    `memory: finished with the V8 old space capped at ${OLD_SPACE_CAP_MB} MB; the input takes ` +
      `${mib(inputHeap)} of heap and ${mib(rssBefore)} RSS before the engine runs; process peak ` +
      `RSS ${mib(peakAfter)} (${peakAfter > peakBefore ? 'reached during the engine run' : 'reached while building the input'}; ` +
      `${plan.counts.requests} requests built)`,
  );
}

function measureTime(file: string): void {
  const input = benchInput(file);
  collectGarbage();
  const durations: number[] = [];
  let counts;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    counts = planSync(input).counts;
    durations.push(performance.now() - started);
  }
  const sorted = [...durations].sort((a, b) => a - b);
  console.log(
    `engine on ${counts?.users} users, ${counts?.groups} groups, ${counts?.memberships} flattened ` +
      `memberships -> ${counts?.requests} requests (node ${process.version})`,
  );
  console.log(
    `time over ${RUNS} runs: first ${ms(durations[0])}, median ${ms(sorted[Math.floor(RUNS / 2)])}, ` +
      `max ${ms(sorted[RUNS - 1])}`,
  );
}

const childInput = process.env[INPUT_FILE];
if (childInput) {
  measureMemory(childInput);
} else {
  const file = path.join(os.tmpdir(), `bwdc-engine-bench-${process.pid}.json`);
  try {
    writeDirectoryFile(file);
    measureTime(file);
    process.stdout.write(
      execFileSync(
        process.execPath,
        [`--max-old-space-size=${OLD_SPACE_CAP_MB}`, ...process.execArgv, __filename],
        { env: { ...process.env, [INPUT_FILE]: file }, encoding: 'utf8' },
      ),
    );
  } finally {
    rmSync(file, { force: true });
  }
}

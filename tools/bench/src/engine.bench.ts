/**
 * The sync engine on a large directory: 100,000 users and 5,000 groups nested four levels deep,
 * with diamonds and cycles. Goal: under 1 second and under 300 MB. Run with `npm run bench`.
 *
 * Memory is read from the kernel's peak resident set size: the first engine run happens right
 * after the input is built, so the peak it leaves is the engine's own (the timer-free way to see
 * a peak inside one synchronous call).
 */
import { planSync, type SyncPlan, type SyncPlanInput } from '@bwdc/core';
import { generateDirectory, type GeneratedDirectory } from '@bwdc/fixtures';

const RUNS = 5;
const MIB = 1024 * 1024;

const collectGarbage = (): void => {
  if (typeof global.gc !== 'function') {
    throw new Error('Run the benchmark with node --expose-gc (npm run bench does).');
  }
  global.gc();
};
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;
const mib = (bytes: number): string => `${(bytes / MIB).toFixed(0)} MB`;

const directory: GeneratedDirectory = JSON.parse(
  JSON.stringify(
    generateDirectory({
      users: 100_000,
      groups: 5_000,
      nestingLevels: 4,
      cycles: 25,
      groupsPerUser: 2,
      seed: 42,
    }),
  ),
);
const input: SyncPlanInput = {
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

collectGarbage();
const heapBefore = process.memoryUsage().heapUsed;
const rssBefore = process.memoryUsage().rss;
const peakBefore = peakRss();

const durations: number[] = [];
let plan: SyncPlan | undefined;
for (let run = 0; run < RUNS; run += 1) {
  if (run > 0) {
    plan = undefined;
    collectGarbage();
  }
  const started = performance.now();
  plan = planSync(input);
  durations.push(performance.now() - started);
}
const peakAfter = peakRss();
collectGarbage();
const retained = process.memoryUsage().heapUsed - heapBefore;

const counts = plan?.counts;
const sorted = [...durations].sort((a, b) => a - b);
const ms = (value: number | undefined) => `${(value ?? 0).toFixed(0)} ms`;
console.log(
  `engine on ${counts?.users} users, ${counts?.groups} groups, ` +
    `${counts?.memberships} flattened memberships, ${counts?.requests} requests (node ${process.version})`,
);
console.log(
  `time over ${RUNS} runs: first ${ms(durations[0])}, median ${ms(sorted[Math.floor(RUNS / 2)])}, ` +
    `max ${ms(sorted[RUNS - 1])}`,
);
console.log(
  `memory: ${mib(rssBefore)} RSS holding the input; process peak ${mib(peakAfter)} ` +
    `(${peakAfter > peakBefore ? `engine added ${mib(peakAfter - rssBefore)}` : 'engine added no new peak'}); ` +
    `the plan retains ${mib(retained)} of heap`,
);

import type { RunRecord } from '@bwdc/core';

import { CLIENT_ID, CLIENT_SECRET, type ImportTraffic } from './bitwarden-org';
import { bwdc, bwdcCommand } from './bwdc';
import { FLOOR_SEARCHES, ldapsearchArgs } from '../ldapsearch-floor';
import type { BenchEnvironment } from './environment';
import { runTimed, type Timing } from './timed-process';

/** One measured run of a command. */
export interface Sample extends Timing {
  /** Import requests the Bitwarden server received, and their body bytes (syncs only). */
  readonly imports?: ImportTraffic;
  /** Organization members (owner included) and groups after the run (syncs only). */
  readonly organization?: { members: number; groups: number };
  /**
   * CPU seconds of this process, where the Bitwarden server runs, during a sync: its share of the
   * sync's wall time, which GNU time's CPU figure of the measured process does not include.
   */
  readonly serverCpuSeconds?: number;
  /** Where bwdc's own run record says the sync's time went (syncs only). */
  readonly phases?: SyncPhases;
}

/** The sync's run record, in seconds; `start` is the wall time outside the run (Node, loading). */
export interface SyncPhases {
  readonly start: number;
  readonly read: number;
  readonly plan: number;
  readonly import: number;
}

export interface MeasuredCommand {
  readonly key: string;
  readonly label: string;
  run(environment: BenchEnvironment): Promise<Sample>;
}

/** OpenLDAP's own client paging through users and groups: the least any reader can take. */
const floor: MeasuredCommand = {
  key: 'floor',
  label: 'floor: ldapsearch users + groups',
  async run({ ldap }) {
    const timings: Timing[] = [];
    for (const search of FLOOR_SEARCHES) {
      timings.push(
        await runTimed(['ldapsearch', ...ldapsearchArgs(ldap, search.filter, search.attributes)]),
      );
    }
    const total = (of: (timing: Timing) => number): number =>
      Math.round(timings.reduce((sum, timing) => sum + of(timing), 0) * 100) / 100;
    return {
      wallSeconds: total((timing) => timing.wallSeconds),
      cpuSeconds: total((timing) => timing.cpuSeconds),
      peakRssMb: Math.max(...timings.map((timing) => timing.peakRssMb)),
    };
  },
};

const test: MeasuredCommand = {
  key: 'test',
  label: 'bwdc test',
  run: ({ bwdcEnv }) => runTimed(bwdcCommand(['test']), { env: bwdcEnv }),
};

/** Every measured sync starts from an organization with only its owner and an empty cache. */
async function freshStart(environment: BenchEnvironment): Promise<void> {
  await environment.bitwarden.reset();
  await bwdc(['clear-cache'], environment.bwdcEnv);
}

/** The phases of the sync just run, from `bwdc history` (untimed). */
async function lastSyncPhases(environment: BenchEnvironment, timing: Timing): Promise<SyncPhases> {
  const { stdout } = await bwdc(['history', '--limit', '1', '--response'], environment.bwdcEnv);
  const [run] = (JSON.parse(stdout) as { data: { runs: RunRecord[] } }).data.runs;
  if (run === undefined || run.kind !== 'sync') {
    throw new Error(`bwdc history shows no sync: ${stdout}`);
  }
  const seconds = (milliseconds: number | null): number => (milliseconds ?? 0) / 1000;
  return {
    start: Math.max(0, timing.wallSeconds - seconds(run.durationMs)),
    read: seconds(run.phases.readMs),
    plan: seconds(run.phases.planMs),
    import: seconds(run.phases.importMs),
  };
}

async function afterSync(
  environment: BenchEnvironment,
  timing: Timing,
  since: NodeJS.CpuUsage,
  ranBwdc: boolean,
): Promise<Sample> {
  const server = process.cpuUsage(since);
  const { members, groups } = environment.bitwarden.counts();
  return {
    wallSeconds: timing.wallSeconds,
    cpuSeconds: timing.cpuSeconds,
    peakRssMb: timing.peakRssMb,
    imports: environment.bitwarden.imports(),
    organization: { members, groups },
    serverCpuSeconds: (server.user + server.system) / 1e6,
    ...(ranBwdc ? { phases: await lastSyncPhases(environment, timing) } : {}),
  };
}

const sync: MeasuredCommand = {
  key: 'sync',
  label: 'bwdc sync (full)',
  async run(environment) {
    await freshStart(environment);
    const since = process.cpuUsage();
    const timing = await runTimed(bwdcCommand(['sync']), { env: environment.bwdcEnv });
    return afterSync(environment, timing, since, true);
  },
};

/** A command of the caller's, e.g. another connector, given the same servers in BENCH_* vars. */
function compare(command: string, index: number): MeasuredCommand {
  return {
    key: `compare-${index + 1}`,
    label: `compare ${index + 1}: ${command}`,
    async run(environment) {
      await freshStart(environment);
      const { ldap, bitwarden } = environment;
      const since = process.cpuUsage();
      const timing = await runTimed(['sh', '-c', command], {
        env: {
          ...process.env,
          BENCH_LDAP_URL: ldap.url,
          BENCH_LDAP_BIND_DN: ldap.reader.dn,
          BENCH_LDAP_PASSWORD: ldap.reader.password,
          BENCH_LDAP_BASE: ldap.suffix,
          BENCH_BITWARDEN_URL: bitwarden.server.url,
          BENCH_CLIENT_ID: CLIENT_ID,
          BENCH_CLIENT_SECRET: CLIENT_SECRET,
          // Another build of bwdc can run on the same, already configured data folder.
          BENCH_BWDC_APPDATA_DIR: environment.bwdcEnv['BITWARDENCLI_CONNECTOR_APPDATA_DIR'] ?? '',
        },
      });
      return afterSync(environment, timing, since, false);
    },
  };
}

export function measuredCommands(compares: readonly string[]): MeasuredCommand[] {
  return [floor, test, sync, ...compares.map(compare)];
}

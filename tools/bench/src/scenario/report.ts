import type { DirectoryLdif } from '../ldap-directory-ldif';
import type { MeasuredCommand, Sample, SyncPhases } from './commands';
import type { ReadCounts } from './counts-check';
import type { Scenario } from './scenarios';
import { count, mbText, median, ratioText, secondsText, spread } from '../stats';
import { printTable } from '../table';

export interface Machine {
  readonly cpus: number;
  readonly node: string;
  readonly slapd: string;
}

/** The measured rounds of every command, in command order, and what the run found. */
export interface BenchFigures {
  readonly scenario: Scenario;
  readonly runs: number;
  readonly machine: Machine;
  readonly directory: DirectoryLdif;
  readonly commands: readonly MeasuredCommand[];
  readonly samples: ReadonlyMap<string, readonly Sample[]>;
  readonly read: ReadCounts;
  /** The Bitwarden server's body limit when --body-limit changed it. */
  readonly bodyLimit: number | undefined;
  readonly problems: readonly string[];
}

function commandRows(figures: BenchFigures): string[][] {
  const rows = [['command', 'median wall', 'min – max wall', 'median CPU', 'max peak RSS']];
  for (const command of figures.commands) {
    const samples = figures.samples.get(command.key) ?? [];
    const walls = samples.map((sample) => sample.wallSeconds);
    rows.push([
      command.label,
      secondsText(median(walls)),
      spread(walls, secondsText),
      secondsText(median(samples.map((sample) => sample.cpuSeconds))),
      mbText(Math.max(...samples.map((sample) => sample.peakRssMb))),
    ]);
  }
  return rows;
}

/** Wall time over the floor's: of the medians, and each round's own (less exposed to drift). */
function ratioRows(figures: BenchFigures): string[][] {
  const floor = figures.samples.get('floor') ?? [];
  const floorWalls = floor.map((sample) => sample.wallSeconds);
  const rows = [['ratio to the floor (wall)', 'of medians', 'per round', 'CPU, of medians']];
  for (const command of figures.commands.filter((c) => c.key !== 'floor')) {
    const samples = figures.samples.get(command.key) ?? [];
    const walls = samples.map((sample) => sample.wallSeconds);
    const perRound = walls.map((wall, round) => wall / (floorWalls[round] ?? wall));
    const cpu = (list: readonly Sample[]): number =>
      median(list.map((sample) => sample.cpuSeconds));
    rows.push([
      `${command.label} / floor`,
      ratioText(median(walls) / median(floorWalls)),
      spread(perRound, ratioText),
      ratioText(cpu(samples) / cpu(floor)),
    ]);
  }
  return rows;
}

function importLines(figures: BenchFigures): string[] {
  return figures.commands
    .filter((command) => (figures.samples.get(command.key) ?? []).some((s) => s.imports))
    .map((command) => {
      const samples = figures.samples.get(command.key) ?? [];
      const requests = samples.map((sample) => sample.imports?.requests ?? 0);
      const megabytes = samples.map((sample) => (sample.imports?.bytes ?? 0) / 1024 / 1024);
      const largest = Math.max(...samples.map((sample) => sample.imports?.largestBytes ?? 0));
      const members = samples.map((sample) => sample.organization?.members ?? 0);
      const serverCpu = median(samples.map((sample) => sample.serverCpuSeconds ?? 0));
      return (
        `${command.label}: ${spread(requests, count)} import requests, ` +
        `${median(megabytes).toFixed(1)} MB in all (median), largest ` +
        `${(largest / 1024 / 1024).toFixed(1)} MB; Bitwarden server CPU ` +
        `${secondsText(serverCpu)} (median); org members after: ${spread(members, count)}`
      );
    });
}

/** The syncs of bwdc itself (not `--compare` commands), with their phases from its history. */
function syncsWithPhases(figures: BenchFigures): { wall: number; phases: SyncPhases }[] {
  return (figures.samples.get('sync') ?? []).flatMap((sample) =>
    sample.phases === undefined ? [] : [{ wall: sample.wallSeconds, phases: sample.phases }],
  );
}

/** bwdc's own account of the sync's time, from its run history: median of each phase. */
function phaseLine(figures: BenchFigures): string | undefined {
  const phases = syncsWithPhases(figures).map((sync) => sync.phases);
  if (phases.length === 0) {
    return undefined;
  }
  const of = (pick: (phases: SyncPhases) => number): string =>
    secondsText(median(phases.map(pick)));
  return (
    `bwdc sync (full) time split (median, from bwdc history): start ${of((p) => p.start)}, ` +
    `read ${of((p) => p.read)}, plan ${of((p) => p.plan)}, import ${of((p) => p.import)}`
  );
}

/**
 * The sync without its import phase, which is mostly the local Bitwarden server's own work on
 * the same cores: what is left is bwdc's part (start, read, plan), set against the floor.
 */
function withoutImportLine(figures: BenchFigures): string | undefined {
  const syncs = syncsWithPhases(figures);
  if (syncs.length === 0) {
    return undefined;
  }
  const floor = median((figures.samples.get('floor') ?? []).map((sample) => sample.wallSeconds));
  const own = median(syncs.map((sync) => sync.wall - sync.phases.import));
  return (
    `bwdc sync (full) without the import phase (wall − import, median): ${secondsText(own)}, ` +
    `${ratioText(own / floor)} the floor`
  );
}

function targetLine(figures: BenchFigures): string | undefined {
  const targets = figures.scenario.targets;
  if (targets === undefined) {
    return undefined;
  }
  const sync = figures.samples.get('sync') ?? [];
  const floor = figures.samples.get('floor') ?? [];
  const syncWall = median(sync.map((sample) => sample.wallSeconds));
  const ratio = syncWall / median(floor.map((sample) => sample.wallSeconds));
  const peak = Math.max(...sync.map((sample) => sample.peakRssMb));
  const mark = (ok: boolean): string => (ok ? 'met' : 'not met');
  return (
    `targets (for reference, not checked): sync ≤ ${targets.maxSyncToFloor}× floor ` +
    `(${ratioText(ratio)}, ${mark(ratio <= targets.maxSyncToFloor)}), ≤ ${targets.maxSyncSeconds} s ` +
    `(${secondsText(syncWall)}, ${mark(syncWall <= targets.maxSyncSeconds)}), peak RSS ≤ ` +
    `${targets.maxPeakRssMb} MB (${mbText(peak)}, ${mark(peak <= targets.maxPeakRssMb)})`
  );
}

export function printReport(figures: BenchFigures): void {
  const { scenario, directory, machine, read } = figures;
  const syncs = figures.samples.get('sync') ?? [];
  const last = syncs.at(-1)?.organization;
  console.log(
    `\n${scenario.name}: ${scenario.description}; ${figures.runs} measured round(s) after a warm-up`,
  );
  console.log(`machine: ${machine.cpus} CPUs (nproc), Node ${machine.node}, ${machine.slapd}`);
  console.log(
    figures.bodyLimit === undefined
      ? 'Bitwarden server body limit: 30,000,000 bytes (Kestrel default)\n'
      : `Bitwarden server body limit: ${count(figures.bodyLimit)} bytes (--body-limit)\n`,
  );
  printTable(commandRows(figures));
  console.log('');
  printTable(ratioRows(figures));
  console.log('');
  for (const line of importLines(figures)) {
    console.log(line);
  }
  const split = phaseLine(figures);
  if (split !== undefined) {
    console.log(split);
  }
  const withoutImport = withoutImportLine(figures);
  if (withoutImport !== undefined) {
    console.log(withoutImport);
  }
  console.log(
    `counts: bwdc test read ${count(read.users)} users / ${count(read.groups)} groups ` +
      `(expected ${count(directory.users)} / ${count(directory.groups)}); org after sync: ` +
      `${count(last?.members ?? 0)} members / ${count(last?.groups ?? 0)} groups (expected ` +
      `${count(directory.users + 1)} / ${count(directory.groups)}): ` +
      `${figures.problems.length === 0 ? 'ok' : 'FAILED'}`,
  );
  const target = targetLine(figures);
  if (target !== undefined) {
    console.log(target);
  }
  for (const problem of figures.problems) {
    console.log(`check failed: ${problem}`);
  }
}

/** The figures as JSON, for `--json <file>`. */
export function figuresJson(figures: BenchFigures): unknown {
  return {
    scenario: figures.scenario.name,
    runs: figures.runs,
    machine: figures.machine,
    directory: figures.directory,
    read: figures.read,
    bodyLimit: figures.bodyLimit ?? null,
    problems: figures.problems,
    commands: figures.commands.map((command) => ({
      key: command.key,
      label: command.label,
      samples: figures.samples.get(command.key) ?? [],
    })),
  };
}

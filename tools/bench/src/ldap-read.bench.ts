/**
 * The LDAP provider against OpenLDAP's own client: a full read of 100,000 inetOrgPerson users and
 * 5,000 groupOfNames from a throw-away slapd. Goals (issue 5, benchmark 8): at most 2x the time
 * `ldapsearch` takes to page through the same entries, and a peak RSS under 350 MB. Run with
 * `npm run bench:ldap`; BWDC_BENCH_RUNS sets the number of measured rounds (default 7). Figures
 * and method: tools/bench/README.md.
 *
 * Setup: the engine benchmark's directory (generateDirectory, seed 42: users in two leaf groups,
 * groups nested four levels deep with diamonds and cycles) written as LDIF and loaded with
 * slapadd. Both readers bind as the ordinary `reader` account, so slapd's size limit of 500 forces
 * paging, and ask for the same entries and attributes with the same page size (500, the
 * connector's default): users `(objectClass=inetOrgPerson)` mail, then groups
 * `(objectClass=groupOfNames)` cn member.
 *
 * Time: one warm-up round, then rounds of ldapsearch (both searches, output to /dev/null) and the
 * connector, alternated so that drift hits both alike; medians compared. The connector's time is
 * its `read()` in a fresh child process (Node start and module loading excluded; the whole child
 * is reported too). Memory: the child's peak RSS (`process.resourceUsage().maxRSS`), Node's own
 * start-up included. Every run's result counts are checked.
 */
import { execFile, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { startOpenLdap, type RunningOpenLdap } from '@bwdc/directory-servers';

import { writeDirectoryLdif, type DirectoryLdif } from './ldap-directory-ldif';
import { CHILD_TARGET, type ConnectorRun, type Target } from './ldap-read.child';
import { FLOOR_SEARCHES, PAGE_SIZE, ldapsearchArgs } from './ldapsearch-floor';
import { median, spread } from './stats';
import { printTable } from './table';

const DEFAULT_RUNS = 7;
const SIZE_LIMIT = 500;
const MAX_RATIO = 2;
const MAX_PEAK_RSS_MB = 350;
const MIB = 1024 * 1024;
const SHAPE = { users: 100_000, groups: 5_000, nestingLevels: 4, cycles: 25, groupsPerUser: 2 };

const runExecFile = promisify(execFile);
/** The connector runs in its own process, which loads only @bwdc/providers. */
const CHILD_SCRIPT = path.join(__dirname, 'ldap-read.child.ts');

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number): string => `${(bytes / MIB).toFixed(0)} MB`;

/** Runs ldapsearch with its output going to `outFd`; throws on a non-zero exit. */
function ldapsearch(args: string[], outFd: number): void {
  const result = spawnSync('ldapsearch', args, {
    stdio: ['ignore', outFd, 'pipe'],
    encoding: 'utf8',
  });
  if (result.error) {
    throw new Error(`ldapsearch could not run (is ldap-utils installed?): ${result.error.message}`);
  }
  if (result.status !== 0) {
    throw new Error(`ldapsearch ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
}

/** Both searches, output to /dev/null; the wall time of the two processes together. */
function timeLdapsearch(server: RunningOpenLdap): number {
  const devNull = openSync('/dev/null', 'w');
  try {
    const started = performance.now();
    for (const search of FLOOR_SEARCHES) {
      ldapsearch(ldapsearchArgs(server, search.filter, search.attributes), devNull);
    }
    return performance.now() - started;
  } finally {
    closeSync(devNull);
  }
}

/** The warm-up round for ldapsearch: output to a file, whose entries are counted. */
function checkLdapsearch(server: RunningOpenLdap, dir: string, expected: DirectoryLdif): number {
  const started = performance.now();
  const counts = FLOOR_SEARCHES.map((search, index) => {
    const file = path.join(dir, `ldapsearch-${index}.ldif`);
    const fd = openSync(file, 'w');
    try {
      ldapsearch(ldapsearchArgs(server, search.filter, search.attributes), fd);
    } finally {
      closeSync(fd);
    }
    const count = readFileSync(file, 'utf8').match(/^dn: /gm)?.length ?? 0;
    rmSync(file);
    return count;
  });
  const elapsed = performance.now() - started;
  if (counts[0] !== expected.users || counts[1] !== expected.groups) {
    throw new Error(
      `ldapsearch returned ${counts[0]} users and ${counts[1]} groups, expected ` +
        `${expected.users} and ${expected.groups}`,
    );
  }
  return elapsed;
}

/** Without paging, the reader must hit the size limit: else the benchmark would not test paging. */
function checkSizeLimit(server: RunningOpenLdap): void {
  const args = ldapsearchArgs(server, '(objectClass=inetOrgPerson)', ['1.1']).filter(
    (arg) => arg !== '-E' && !arg.startsWith('pr='),
  );
  const result = spawnSync('ldapsearch', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 4) {
    throw new Error(
      `an unpaged search as the reader exited ${result.status}, not 4 (size limit exceeded)`,
    );
  }
}

async function runConnector(
  target: Target,
  expected: DirectoryLdif,
): Promise<ConnectorRun & { processMs: number }> {
  const started = performance.now();
  const { stdout } = await runExecFile(process.execPath, [...process.execArgv, CHILD_SCRIPT], {
    env: { ...process.env, [CHILD_TARGET]: JSON.stringify(target) },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  const processMs = performance.now() - started;
  const run = JSON.parse(stdout) as ConnectorRun;
  const checks: [what: string, read: number, wanted: number][] = [
    ['users', run.users, expected.users],
    ['groups', run.groups, expected.groups],
    ['user memberships', run.userMemberships, expected.userMemberValues],
    ['nested group memberships', run.groupMemberships, expected.groupMemberValues],
  ];
  for (const [what, read, wanted] of checks) {
    if (read !== wanted) {
      throw new Error(`the connector read ${read} ${what}, expected ${wanted}`);
    }
  }
  return { ...run, processMs };
}

function runCount(): number {
  const raw = process.env['BWDC_BENCH_RUNS'];
  const runs = raw === undefined ? DEFAULT_RUNS : Number(raw);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`BWDC_BENCH_RUNS must be a positive integer, got ${raw}`);
  }
  return runs;
}

async function main(): Promise<number> {
  const runs = runCount();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bwdc-ldap-bench-'));
  let server: RunningOpenLdap | undefined;
  const stopOnSignal = (signal: NodeJS.Signals): void => {
    void (server?.stop() ?? Promise.resolve()).finally(() => {
      rmSync(dir, { recursive: true, force: true });
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    let started = performance.now();
    const ldifFile = path.join(dir, 'directory.ldif');
    const directory = writeDirectoryLdif(ldifFile, 'dc=bitwarden,dc=com', { ...SHAPE, seed: 42 });
    console.log(
      `LDIF: ${directory.users} users, ${directory.groups} groups, ` +
        `${directory.userMemberValues} user and ${directory.groupMemberValues} group member ` +
        `values, ${mib(directory.bytes)}, written in ${seconds(performance.now() - started)}`,
    );

    started = performance.now();
    server = await startOpenLdap({ seed: { files: [ldifFile] }, sizeLimit: SIZE_LIMIT });
    rmSync(ldifFile);
    console.log(`slapd seeded (slapadd -q) and started in ${seconds(performance.now() - started)}`);
    checkSizeLimit(server);

    const target: Target = {
      url: server.url,
      suffix: server.suffix,
      dn: server.reader.dn,
      password: server.reader.password,
    };
    const warmLdapsearch = checkLdapsearch(server, dir, directory);
    const warmConnector = await runConnector(target, directory);
    console.log(
      `warm-up: ldapsearch ${seconds(warmLdapsearch)} (to a file), connector ` +
        `${seconds(warmConnector.readMs)}, peak RSS ${mib(warmConnector.peakRssBytes)}; counts checked`,
    );

    const ldapsearchMs: number[] = [];
    const connector: (ConnectorRun & { processMs: number })[] = [];
    for (let round = 1; round <= runs; round += 1) {
      const searchMs = timeLdapsearch(server);
      const run = await runConnector(target, directory);
      ldapsearchMs.push(searchMs);
      connector.push(run);
      console.log(
        `round ${round}/${runs}: ldapsearch ${seconds(searchMs)}, connector ` +
          `${seconds(run.readMs)} (process ${seconds(run.processMs)}), ` +
          `peak RSS ${mib(run.peakRssBytes)}`,
      );
    }

    const readMs = connector.map((run) => run.readMs);
    const peaks = connector.map((run) => run.peakRssBytes);
    const ratio = median(readMs) / median(ldapsearchMs);
    // Each round's pair ran back to back, so its ratio is less exposed to load that comes and goes.
    const roundRatios = readMs.map((value, round) => value / (ldapsearchMs[round] ?? value));
    const worstPeak = Math.max(...peaks);
    const timeOk = ratio <= MAX_RATIO;
    const memoryOk = worstPeak < MAX_PEAK_RSS_MB * MIB;
    const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');
    const rows: [string, string, string, string][] = [
      ['', 'median', 'min – max', 'goal'],
      [
        'ldapsearch, users + groups',
        seconds(median(ldapsearchMs)),
        spread(ldapsearchMs, seconds),
        '',
      ],
      ['connector read()', seconds(median(readMs)), spread(readMs, seconds), ''],
      [
        'connector process (incl. start)',
        seconds(median(connector.map((run) => run.processMs))),
        spread(
          connector.map((run) => run.processMs),
          seconds,
        ),
        '',
      ],
      [
        'ratio of medians',
        (Math.ceil(ratio * 100) / 100).toFixed(2),
        '',
        `<= ${MAX_RATIO.toFixed(1)}  ${verdict(timeOk)}`,
      ],
      [
        'ratio per round (info)',
        median(roundRatios).toFixed(2),
        spread(roundRatios, (value) => value.toFixed(2)),
        '',
      ],
      [
        'connector peak RSS',
        mib(median(peaks)),
        spread(peaks, mib),
        `< ${MAX_PEAK_RSS_MB} MB (max)  ${verdict(memoryOk)}`,
      ],
      [
        'connector RSS before read()',
        mib(median(connector.map((run) => run.rssBeforeBytes))),
        '',
        '',
      ],
    ];
    console.log(
      `\n${directory.users} users + ${directory.groups} groups, page size ${PAGE_SIZE}, ` +
        `${runs} rounds (node ${process.version}, ${os.cpus().length} CPUs)`,
    );
    printTable(rows);
    return timeOk && memoryOk ? 0 : 1;
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
    process.removeListener('SIGINT', stopOnSignal);
    process.removeListener('SIGTERM', stopOnSignal);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

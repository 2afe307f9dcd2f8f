import type { ChildProcess } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import { openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { findBinary } from '../find-binary';
import { createPki } from './pki';
import { buildSeedLdif } from './seed-ldif';
import { slapdConfigLdif } from './slapd-config';

const run = promisify(execFile);

export interface OpenLdapOptions {
  /** LDIF files (or LDIF text) loaded after the base entries; the suffix is dc=bitwarden,dc=com like upstream's fixtures. */
  seed?: { files?: string[]; ldif?: string };
  /** slapd's size limit for non-root binds (forces paging); default 500. */
  sizeLimit?: number;
  /**
   * A fixed port for plain LDAP (e.g. the 3890 an upstream data.json names) instead of a free
   * one; the start fails, naming the port, when something else holds it.
   */
  port?: number;
}

export interface RunningOpenLdap {
  /** ldap://127.0.0.1:<port>, which also offers StartTLS. */
  readonly url: string;
  readonly ldapsUrl: string;
  /** PEM of the CA generated at start; it signs the server certificate for 127.0.0.1 and localhost. */
  readonly caCertPath: string;
  readonly suffix: string;
  /** The root DN: exempt from ACLs and size limits. */
  readonly admin: { dn: string; password: string };
  /** An ordinary account with read access, subject to the size limit. */
  readonly reader: { dn: string; password: string };
  /** slapd's process id, so callers can check that stop() really ended it. */
  readonly pid: number;
  /** The temporary folder holding config, database, certificates and log. */
  readonly dir: string;
  /** Kills slapd and removes its temporary folder. Safe to call more than once. */
  stop(): Promise<void>;
}

const SUFFIX = 'dc=bitwarden,dc=com';
const ADMIN = { dn: `cn=admin,${SUFFIX}`, password: 'admin' };
const READER = { dn: `cn=reader,${SUFFIX}`, password: 'reader-password' };
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
const PORT_ATTEMPTS = 5;
const ENSURE_PACKAGES = path.resolve(__dirname, '../../scripts/ensure-test-system-packages.sh');

/** Installs slapd and ldap-utils through the repo's script when they are missing (root only). */
async function slapdBinaries(): Promise<{ slapd: string; slapadd: string }> {
  let slapd = findBinary('slapd');
  let slapadd = findBinary('slapadd');
  if (slapd === undefined || slapadd === undefined) {
    await run('bash', [ENSURE_PACKAGES], { maxBuffer: 16 * 1024 * 1024 });
    slapd = findBinary('slapd');
    slapadd = findBinary('slapadd');
  }
  if (slapd === undefined || slapadd === undefined) {
    throw new Error(`slapd/slapadd not found after running ${ENSURE_PACKAGES}`);
  }
  return { slapd, slapadd };
}

/** A port that was free a moment ago; the caller retries if slapd then loses the race for it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') {
          resolve(address.port);
        } else {
          reject(new Error('could not read the port of a probe listener'));
        }
      });
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// An anonymous simple LDAPv3 bind (message 1). A bind response proves slapd is serving, where a
// bare TCP connect only proves the socket is bound.
const ANONYMOUS_BIND = Buffer.from([
  0x30, 0x0c, 0x02, 0x01, 0x01, 0x60, 0x07, 0x02, 0x01, 0x03, 0x04, 0x00, 0x80, 0x00,
]);

/**
 * Whether something answers on the port: with `handshake`, that it replies to it with an LDAP
 * message (a SEQUENCE); without, that it accepts the connection.
 */
function probe(port: number, handshake?: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data[0] === 0x30));
    socket.connect(port, '127.0.0.1', () => (handshake ? socket.write(handshake) : done(true)));
  });
}

function probeLdap(port: number): Promise<boolean> {
  return probe(port, ANONYMOUS_BIND);
}

function probeTcp(port: number): Promise<boolean> {
  return probe(port);
}

function logTail(logPath: string): string {
  try {
    const lines = readFileSync(logPath, 'utf8').trimEnd().split('\n');
    return lines.slice(-20).join('\n') || '(empty log)';
  } catch {
    return '(no log)';
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function killSlapd(child: ChildProcess): Promise<void> {
  if (exited(child)) {
    return;
  }
  child.kill('SIGTERM');
  if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
    child.kill('SIGKILL');
    await waitForExit(child, STOP_TIMEOUT_MS);
  }
}

type LaunchResult =
  | {
      readonly ok: true;
      readonly child: ChildProcess;
      readonly port: number;
      readonly tlsPort: number;
    }
  | { readonly ok: false; readonly portClash: boolean; readonly message: string };

async function launch(
  slapd: string,
  configDir: string,
  logPath: string,
  fixedPort: number | undefined,
): Promise<LaunchResult> {
  const port = fixedPort ?? (await freePort());
  let tlsPort = await freePort();
  while (tlsPort === port) {
    tlsPort = await freePort();
  }
  const urls = `ldap://127.0.0.1:${port}/ ldaps://127.0.0.1:${tlsPort}/`;
  const log = openSync(logPath, 'a');
  // -d keeps slapd in the foreground, so this child is slapd itself. Level 32768 ("none") prints
  // only the messages slapd logs whatever the level, i.e. errors such as "bind(6) failed
  // errno=98", to the log file; -d 0 would print nothing and per-operation levels cost time.
  const child = spawn(slapd, ['-d', '32768', '-F', configDir, '-h', urls], {
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited(child)) {
      const tail = logTail(logPath);
      return {
        ok: false,
        portClash: /bind\(|errno=98|address already in use/i.test(tail),
        message: tail,
      };
    }
    // Re-checking exit after the probes: had slapd lost a port to another listener, the probe
    // might have reached that listener instead, while slapd exits on the failed bind.
    if ((await probeLdap(port)) && (await probeTcp(tlsPort)) && !exited(child)) {
      return { ok: true, child, port, tlsPort };
    }
    const failed = await Promise.race([spawnError, sleep(25).then(() => undefined)]);
    if (failed !== undefined) {
      return { ok: false, portClash: false, message: failed.message };
    }
  }
  await killSlapd(child);
  return {
    ok: false,
    portClash: false,
    message: `not ready after ${READY_TIMEOUT_MS} ms\n${logTail(logPath)}`,
  };
}

async function readSeeds(options: OpenLdapOptions): Promise<{ name: string; text: string }[]> {
  const files = options.seed?.files ?? [];
  const sources = await Promise.all(
    files.map(async (file) => ({ name: file, text: await readFile(file, 'utf8') })),
  );
  if (options.seed?.ldif !== undefined) {
    sources.push({ name: 'seed.ldif', text: options.seed.ldif });
  }
  return sources;
}

/**
 * Starts a throw-away slapd on free loopback ports: config and data are built offline with
 * slapadd (much faster than loading over LDAP), then slapd runs as a plain child process.
 */
export async function startOpenLdap(options: OpenLdapOptions = {}): Promise<RunningOpenLdap> {
  const sizeLimit = options.sizeLimit ?? 500;
  if (!Number.isInteger(sizeLimit) || sizeLimit < 1) {
    throw new Error(`sizeLimit must be a positive integer, got ${sizeLimit}`);
  }
  const [binaries, sources] = await Promise.all([slapdBinaries(), readSeeds(options)]);
  const seedLdif = buildSeedLdif({ suffix: SUFFIX, reader: READER, sources });

  const dir = await mkdtemp(path.join(tmpdir(), 'bwdc-openldap-'));
  const removeDir = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    const configDir = path.join(dir, 'slapd.d');
    const dataDir = path.join(dir, 'data');
    const runDir = path.join(dir, 'run');
    const logPath = path.join(dir, 'slapd.log');
    await Promise.all([configDir, dataDir, runDir].map((folder) => mkdir(folder)));
    const pki = await createPki(dir);
    const configLdif = path.join(dir, 'config.ldif');
    const seedPath = path.join(dir, 'seed.ldif');
    await Promise.all([
      writeFile(
        configLdif,
        slapdConfigLdif({ runDir, dataDir, pki, suffix: SUFFIX, admin: ADMIN, sizeLimit }),
      ),
      writeFile(seedPath, seedLdif),
    ]);
    await slapadd(binaries.slapadd, ['-n0', '-F', configDir, '-l', configLdif], 'cn=config');
    // -q skips consistency checks and per-entry syncs: the seed is generated, so it is trusted.
    await slapadd(binaries.slapadd, ['-q', '-F', configDir, '-b', SUFFIX, '-l', seedPath], 'seed');

    let failure = '';
    for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt += 1) {
      const result = await launch(binaries.slapd, configDir, logPath, options.port);
      if (result.ok) {
        return running(result.child, result.port, result.tlsPort, dir, pki.caCertPath);
      }
      failure = result.message;
      if (result.portClash && options.port !== undefined && (await probeTcp(options.port))) {
        throw new Error(`slapd cannot listen on 127.0.0.1:${options.port}: something else does`);
      }
      if (!result.portClash) {
        break;
      }
    }
    throw new Error(`slapd did not start:\n${failure}`);
  } catch (error) {
    removeDir();
    throw error;
  }
}

async function slapadd(binary: string, args: string[], what: string): Promise<void> {
  try {
    await run(binary, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const details = error as { stderr?: string; message: string };
    throw new Error(`slapadd (${what}) failed: ${details.stderr?.trim() || details.message}`);
  }
}

function running(
  child: ChildProcess,
  port: number,
  tlsPort: number,
  dir: string,
  caCertPath: string,
): RunningOpenLdap {
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error('slapd has no pid');
  }
  // Should the test process end without stop(), do not leave a slapd or its folder behind.
  const onExit = (): void => {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  let stopping: Promise<void> | undefined;
  return {
    url: `ldap://127.0.0.1:${port}`,
    ldapsUrl: `ldaps://127.0.0.1:${tlsPort}`,
    caCertPath,
    suffix: SUFFIX,
    admin: { ...ADMIN },
    reader: { ...READER },
    pid,
    dir,
    stop: () => {
      stopping ??= (async () => {
        process.removeListener('exit', onExit);
        await killSlapd(child);
        await rm(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

import { chmod, mkdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';

import { createPki } from '../openldap/pki';
import { sambaBinaries } from './binaries';
import { SAMBA_AD_ADMIN, SAMBA_AD_DOMAIN } from './domain';
import { provisionDomain } from './provision';
import { waitUntilReady } from './ready';
import { exposePort, MAX_SOCKET_PATH } from './relay';
import { startSamba } from './samba-process';
import type { SeedSource } from './seed';
import { expandPlaceholders, loadSeed, readSeedFiles } from './seed';
import { Teardown } from './teardown';
import { createWorkspace } from './workspace';

export interface SambaAdOptions {
  /**
   * LDIF loaded offline into the new domain before samba starts: files and/or inline text, in
   * that order, as one batch. Records may be adds, modifies, deletes (tombstones) and modrdns.
   * Placeholders: `{{BASE_DN}}`, `{{DNS_DOMAIN}}`, `{{REALM}}`, `{{NETBIOS_DOMAIN}}`, and
   * `{{RID:<dn>}}` (the RID of an object an earlier record created, for primaryGroupID).
   * `adTestDirectoryLdif()` is the connector's standard AD test directory.
   */
  seed?: { files?: string[]; ldif?: string };
  /** samba and the relays end by themselves after this, should stop() never run. Default 3600. */
  maxRuntimeSeconds?: number;
}

export interface RunningSambaAd {
  /** ldap://127.0.0.1:<port>. Offers StartTLS; simple binds without TLS get strongAuthRequired. */
  readonly url: string;
  readonly ldapsUrl: string;
  /** PEM of the CA generated at start; it signs the DC's certificate (127.0.0.1, localhost...). */
  readonly caCertPath: string;
  /** DC=ad,DC=bitwarden,DC=test */
  readonly baseDn: string;
  readonly domain: {
    /** AD.BITWARDEN.TEST */
    readonly realm: string;
    /** ad.bitwarden.test: the userPrincipalName suffix. */
    readonly dnsDomain: string;
    /** BWTEST */
    readonly netbiosDomain: string;
  };
  /** The built-in Administrator. Bind with the UPN or the DN (over TLS). */
  readonly admin: { readonly upn: string; readonly dn: string; readonly password: string };
  /** samba's process id. */
  readonly pid: number;
  /** samba and the two relays in the namespace, so callers can check that stop() ended them. */
  readonly pids: readonly number[];
  /** The network namespace the DC runs in; stop() deletes it. */
  readonly namespace: string;
  /** The temporary folder: domain (dc/), TLS files, sockets, logs (log.samba, seed.ldif). */
  readonly dir: string;
  /** Milliseconds spent provisioning (with the namespace and PKI), seeding, starting; total. */
  readonly timings: {
    readonly provision: number;
    readonly seed: number;
    readonly start: number;
    readonly total: number;
  };
  /** Stops samba and the relays, deletes the namespace and the folder. Safe to call twice. */
  stop(): Promise<void>;
}

const DEFAULT_MAX_RUNTIME_SECONDS = 3_600;
const READY_TIMEOUT_MS = 60_000;
/** Samba's LDAP ports, fixed, inside the namespace. */
const LDAP_PORT = 389;
const LDAPS_PORT = 636;

async function readSeeds(options: SambaAdOptions): Promise<SeedSource[]> {
  const sources = await readSeedFiles(options.seed?.files ?? []);
  if (options.seed?.ldif !== undefined) {
    sources.push({ name: 'seed.ldif', text: options.seed.ldif });
  }
  // Fail on a bad placeholder now rather than after provisioning.
  for (const source of sources) {
    expandPlaceholders(source.text, source.name);
  }
  return sources;
}

/**
 * Starts a throw-away Samba AD DC (a fresh domain each time) in a network namespace of its own,
 * reachable on two free loopback ports through relays. Needs root. About 12 s with the standard
 * test directory on an idle 2-core machine: provisioning 6-9 s, the seed about 4 s, samba 1 s.
 */
export async function startSambaAd(options: SambaAdOptions = {}): Promise<RunningSambaAd> {
  const started = Date.now();
  const maxRuntimeSeconds = options.maxRuntimeSeconds ?? DEFAULT_MAX_RUNTIME_SECONDS;
  if (!Number.isInteger(maxRuntimeSeconds) || maxRuntimeSeconds < 1) {
    throw new Error(`maxRuntimeSeconds must be a positive integer, got ${maxRuntimeSeconds}`);
  }
  const [binaries, sources] = await Promise.all([sambaBinaries(), readSeeds(options)]);

  // Every step registers what it made at once; a failure or stop() releases it in reverse.
  const teardown = new Teardown();
  // Should the test process end without stop(), leave no samba, relay, namespace or folder.
  const onExit = (): void => teardown.releaseSync();
  process.once('exit', onExit);
  try {
    const { namespace, dir } = await createWorkspace(teardown);
    const runDir = path.join(dir, 'run');
    const tlsDir = path.join(dir, 'tls');
    const socket = (port: number): string => path.join(runDir, `${port}.sock`);
    if (Buffer.byteLength(socket(LDAPS_PORT)) > MAX_SOCKET_PATH) {
      throw new Error(`temporary folder path too long for unix sockets: ${dir}`);
    }
    await Promise.all([mkdir(runDir), mkdir(tlsDir)]);
    const pki = await createPki(tlsDir, {
      dnsNames: [
        `${SAMBA_AD_DOMAIN.hostName}.${SAMBA_AD_DOMAIN.dnsDomain}`,
        SAMBA_AD_DOMAIN.dnsDomain,
      ],
    });
    // Samba refuses a TLS key that is not mode 0600 (and owned by the user running it).
    await chmod(pki.keyPath, 0o600);

    const domain = await provisionDomain({ samba: binaries, dir, tls: pki });
    const provisionedAt = Date.now();

    await loadSeed({ python: binaries.python, smbConf: domain.smbConf, dir, sources });
    const seededAt = Date.now();

    const samba = startSamba({
      exec: namespace.exec,
      samba: binaries.samba,
      smbConf: domain.smbConf,
      logDir: domain.logDir,
      maxRuntimeSeconds,
    });
    teardown.add(samba);
    const expose = (port: number): ReturnType<typeof exposePort> =>
      exposePort({
        exec: namespace.exec,
        socat: binaries.socat,
        socketPath: socket(port),
        targetPort: port,
        logPath: path.join(dir, 'relay.log'),
        // A little longer than samba, which should be the first to go.
        maxRuntimeSeconds: maxRuntimeSeconds + 30,
        teardown,
      });
    // One after the other: with Promise.all, a failure of one would leave the other in flight.
    const ldap = await expose(LDAP_PORT);
    const ldaps = await expose(LDAPS_PORT);
    await waitUntilReady({
      samba,
      ldapPort: ldap.port,
      ldapsPort: ldaps.port,
      ca: await readFile(pki.caCertPath),
      timeoutMs: READY_TIMEOUT_MS,
    });
    const readyAt = Date.now();

    let stopping: Promise<void> | undefined;
    return {
      url: `ldap://127.0.0.1:${ldap.port}`,
      ldapsUrl: `ldaps://127.0.0.1:${ldaps.port}`,
      caCertPath: pki.caCertPath,
      baseDn: SAMBA_AD_DOMAIN.baseDn,
      domain: {
        realm: SAMBA_AD_DOMAIN.realm,
        dnsDomain: SAMBA_AD_DOMAIN.dnsDomain,
        netbiosDomain: SAMBA_AD_DOMAIN.netbiosDomain,
      },
      admin: { ...SAMBA_AD_ADMIN },
      pid: samba.pid,
      pids: [samba.pid, ldap.relayPid, ldaps.relayPid],
      namespace: namespace.namespace,
      dir,
      timings: {
        provision: provisionedAt - started,
        seed: seededAt - provisionedAt,
        start: readyAt - seededAt,
        total: readyAt - started,
      },
      stop: () => {
        stopping ??= teardown.release().finally(() => process.removeListener('exit', onExit));
        return stopping;
      },
    };
  } catch (error) {
    process.removeListener('exit', onExit);
    const cleanup = await teardown.release().then(
      () => undefined,
      (failure: unknown) => failure,
    );
    if (cleanup instanceof Error && error instanceof Error) {
      error.message += `\n(and then ${cleanup.message})`;
    }
    throw error;
  }
}

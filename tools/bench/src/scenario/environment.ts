import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import {
  bwdcLdapConnectionSettings,
  startOpenLdap,
  type RunningOpenLdap,
} from '@bwdc/directory-servers';

import { writeDirectoryLdif, type DirectoryLdif } from '../ldap-directory-ldif';
import { BitwardenOrg, CLIENT_ID, CLIENT_SECRET } from './bitwarden-org';
import { bwdc } from './bwdc';
import type { Scenario } from './scenarios';
import { runningChildren } from './timed-process';
import { PAGE_SIZE } from '../ldapsearch-floor';

const SUFFIX = 'dc=bitwarden,dc=com';

/** Everything a round needs: slapd, the Bitwarden server and a logged-in bwdc data folder. */
export interface BenchEnvironment {
  readonly directory: DirectoryLdif;
  readonly ldap: RunningOpenLdap;
  readonly bitwarden: BitwardenOrg;
  /** The environment every bwdc command runs with (its data folder, plaintext secrets). */
  readonly bwdcEnv: NodeJS.ProcessEnv;
}

/** What `setUp` started, so that `tearDown` can stop it at any point of a failed setup. */
export interface Resources {
  dir?: string;
  ldap?: RunningOpenLdap;
  bitwarden?: BitwardenOrg;
}

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Upstream's settings for an OpenLDAP tree, set through `bwdc config` as an admin would. */
function ldapSettings(ldap: RunningOpenLdap, bitwardenUrl: string): [string, string][] {
  return [
    ['server', bitwardenUrl],
    ...bwdcLdapConnectionSettings(ldap),
    ['ldap.pageSize', String(PAGE_SIZE)],
    ['sync.users', 'true'],
    ['sync.groups', 'true'],
    ['sync.userObjectClass', 'inetOrgPerson'],
    ['sync.groupObjectClass', 'groupOfNames'],
    ['sync.userPath', 'ou=People'],
    ['sync.groupPath', 'ou=Groups'],
    ['sync.groupNameAttribute', 'cn'],
    ['sync.userEmailAttribute', 'mail'],
    ['sync.memberAttribute', 'member'],
    // A cloud organization refuses more than 2,000 users in one import without it.
    ['sync.largeImport', 'true'],
  ];
}

export async function setUp(
  scenario: Scenario,
  bodyLimit: number | undefined,
  resources: Resources,
): Promise<BenchEnvironment> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bwdc-bench-'));
  resources.dir = dir;
  let started = performance.now();
  const ldifFile = path.join(dir, 'directory.ldif');
  const directory = writeDirectoryLdif(ldifFile, SUFFIX, scenario.shape);
  console.log(
    `LDIF: ${directory.users} users, ${directory.groups} groups, ${directory.userMemberValues} ` +
      `user and ${directory.groupMemberValues} group member values, ` +
      `${(directory.bytes / 1024 / 1024).toFixed(0)} MB, written in ${seconds(started)}`,
  );

  started = performance.now();
  const [ldap, bitwarden] = await Promise.all([
    startOpenLdap({ seed: { files: [ldifFile] }, sizeLimit: PAGE_SIZE }),
    BitwardenOrg.start(bodyLimit),
  ]);
  resources.ldap = ldap;
  resources.bitwarden = bitwarden;
  rmSync(ldifFile);
  console.log(`slapd (slapadd) and the Bitwarden server started in ${seconds(started)}`);

  const dataDir = path.join(dir, 'bwdc');
  const bwdcEnv: NodeJS.ProcessEnv = {
    ...process.env,
    BITWARDENCLI_CONNECTOR_APPDATA_DIR: dataDir,
    BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true',
  };
  for (const [setting, value] of ldapSettings(ldap, bitwarden.server.url)) {
    await bwdc(['config', setting, value], bwdcEnv);
  }
  await bwdc(['config', 'ldap.password', '--secretenv', 'BENCH_LDAP_PASSWORD'], bwdcEnv, {
    BENCH_LDAP_PASSWORD: ldap.reader.password,
  });
  await bwdc(['login'], bwdcEnv, { BW_CLIENTID: CLIENT_ID, BW_CLIENTSECRET: CLIENT_SECRET });
  return { directory, ldap, bitwarden, bwdcEnv };
}

/** Stops whatever was started; safe after a partial setup and when called twice. */
export async function tearDown(resources: Resources): Promise<void> {
  for (const child of runningChildren) {
    child.kill('SIGKILL');
  }
  await Promise.allSettled([resources.ldap?.stop(), resources.bitwarden?.stop()]);
  if (resources.dir !== undefined) {
    rmSync(resources.dir, { recursive: true, force: true });
  }
  delete resources.ldap;
  delete resources.bitwarden;
  delete resources.dir;
}

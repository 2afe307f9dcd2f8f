import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';

import type { Pki } from '../openldap/pki';
import { SAMBA_AD_ADMIN_PASSWORD, SAMBA_AD_DOMAIN } from './domain';
import { CommandError, runCommand } from './processes';

export interface ProvisionInput {
  readonly samba: { readonly sambaTool: string };
  /** The start's folder: the domain goes to `<dir>/dc`, sockets and pid file to `<dir>/run`. */
  readonly dir: string;
  readonly tls: Pki;
}

export interface ProvisionedDomain {
  /** The smb.conf that every later samba, samba-tool or python call must be given. */
  readonly smbConf: string;
  readonly logDir: string;
}

const PROVISION_TIMEOUT_MS = 120_000;

/**
 * A fresh domain from `samba-tool domain provision` (about 6-9 s, most of it schema loading).
 * Everything lands under `dir`; Samba's defaults would write to /run/samba and /var/log/samba:
 * - server services=ldap: no KDC, SMB, RPC, NBT or winbind, just the LDAP server (389/636/3268/3269);
 * - dns-backend NONE: no DNS server and no zone, clients connect by IP;
 * - use-rfc2307: the NIS attributes (uidNumber...) exist in the schema, as on many real DCs;
 * - ldb:nosync: no fsync per commit, as nothing needs to survive a crash;
 * - interfaces=lo only: inside the namespace that is the only interface anyway.
 * The TLS files need not exist yet; samba reads them when it starts.
 */
export async function provisionDomain(input: ProvisionInput): Promise<ProvisionedDomain> {
  const target = path.join(input.dir, 'dc');
  const run = path.join(input.dir, 'run');
  const logDir = input.dir;
  const options = {
    interfaces: 'lo',
    'bind interfaces only': 'yes',
    'server services': 'ldap',
    'tls enabled': 'yes',
    'tls keyfile': input.tls.keyPath,
    'tls certfile': input.tls.certPath,
    'tls cafile': input.tls.caCertPath,
    'pid directory': run,
    'ncalrpc dir': path.join(run, 'ncalrpc'),
    'winbindd socket directory': path.join(run, 'winbindd'),
    'ntp signd socket directory': path.join(run, 'ntp_signd'),
    'log file': path.join(logDir, 'log.%m'),
    'ldb:nosync': 'true',
  };
  const args = [
    'domain',
    'provision',
    `--targetdir=${target}`,
    `--realm=${SAMBA_AD_DOMAIN.realm}`,
    `--domain=${SAMBA_AD_DOMAIN.netbiosDomain}`,
    `--host-name=${SAMBA_AD_DOMAIN.hostName}`,
    '--host-ip=127.0.0.1',
    '--server-role=dc',
    '--dns-backend=NONE',
    '--use-rfc2307',
    `--adminpass=${SAMBA_AD_ADMIN_PASSWORD}`,
    ...Object.entries(options).map(([name, value]) => `--option=${name}=${value}`),
  ];
  try {
    const { stdout, stderr } = await runCommand(input.samba.sambaTool, args, {
      timeoutMs: PROVISION_TIMEOUT_MS,
    });
    await writeFile(path.join(input.dir, 'provision.log'), `${stdout}${stderr}`);
  } catch (error) {
    const reason = error instanceof CommandError ? error.output : String(error);
    throw new Error(`provisioning the domain failed: ${reason}`);
  }
  return { smbConf: path.join(target, 'etc', 'smb.conf'), logDir };
}

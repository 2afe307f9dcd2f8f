import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Pki {
  readonly caCertPath: string;
  readonly certPath: string;
  readonly keyPath: string;
}

// P-256 keys: generating them takes milliseconds where RSA-2048 takes about half a second.
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-sha256'];

export interface PkiOptions {
  /** More DNS names for the server certificate, e.g. a domain controller's FQDN. */
  readonly dnsNames?: readonly string[];
}

/**
 * A throw-away CA and a server certificate it signs. The names cover 127.0.0.1, localhost and
 * this machine's hostname, because OpenLDAP's own client tools replace "localhost" by the
 * hostname before they check the certificate. Shared by the OpenLDAP and Samba AD tools.
 */
export async function createPki(dir: string, options: PkiOptions = {}): Promise<Pki> {
  const file = (name: string): string => path.join(dir, name);
  const dnsNames = [...new Set(['localhost', hostname(), ...(options.dnsNames ?? [])])];
  const extensions = [
    `subjectAltName=IP:127.0.0.1,${dnsNames.map((name) => `DNS:${name}`).join(',')}`,
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage=serverAuth',
  ].join('\n');
  await Promise.all([
    run('openssl', [
      'req',
      '-x509',
      ...EC_KEY,
      '-days',
      '7',
      '-subj',
      '/CN=directory-servers throw-away test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-keyout',
      file('ca.key'),
      '-out',
      file('ca.crt'),
    ]),
    run('openssl', [
      'req',
      '-new',
      ...EC_KEY,
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      file('server.key'),
      '-out',
      file('server.csr'),
    ]),
    writeFile(file('server.ext'), `${extensions}\n`),
  ]);
  await run('openssl', [
    'x509',
    '-req',
    '-sha256',
    '-days',
    '7',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-set_serial',
    `0x${Date.now().toString(16)}`,
    '-extfile',
    file('server.ext'),
    '-out',
    file('server.crt'),
  ]);
  return { caCertPath: file('ca.crt'), certPath: file('server.crt'), keyPath: file('server.key') };
}

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A throw-away certificate authority and a server certificate it signed, all PEM. */
export interface TestCertificates {
  /** The CA certificate: what a client must trust (`ca`, or `NODE_EXTRA_CA_CERTS`). */
  readonly caPem: string;
  /** The server's certificate, for `127.0.0.1` and `localhost`. */
  readonly certPem: string;
  readonly keyPem: string;
}

/**
 * Makes a fresh CA and a server certificate for 127.0.0.1 and localhost with Debian's openssl,
 * so the emulators speak HTTPS as the real services do and no key is ever committed. Valid for
 * a day; about 0.2 s.
 */
export async function createTestCertificates(): Promise<TestCertificates> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bwdc-test-ca-'));
  const file = (name: string) => path.join(dir, name);
  try {
    await openssl(
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1'],
      ['-keyout', file('ca.key'), '-out', file('ca.pem'), '-subj', '/CN=bwdc test CA'],
      ['-addext', 'basicConstraints=critical,CA:TRUE'],
      ['-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    );
    await openssl(
      ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1'],
      ['-keyout', file('server.key'), '-out', file('server.csr')],
    );
    await writeFile(
      file('ext.cnf'),
      'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n',
    );
    await openssl(
      ['x509', '-req', '-in', file('server.csr'), '-days', '1', '-extfile', file('ext.cnf')],
      ['-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial'],
      ['-out', file('server.pem')],
    );
    const [caPem, certPem, keyPem] = await Promise.all(
      ['ca.pem', 'server.pem', 'server.key'].map((name) => readFile(file(name), 'utf8')),
    );
    return { caPem: caPem ?? '', certPem: certPem ?? '', keyPem: keyPem ?? '' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function openssl(...parts: readonly (readonly string[])[]): Promise<void> {
  try {
    await run('openssl', parts.flat(), { timeout: 30_000 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`openssl ${parts.flat()[0]} failed: ${stderr.trim() || String(error)}`, {
      cause: error,
    });
  }
}

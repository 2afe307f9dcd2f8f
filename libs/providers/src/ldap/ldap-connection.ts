import { readFile } from 'node:fs/promises';
import type { ConnectionOptions } from 'node:tls';

import { Client } from 'ldapts';

import { LdapError, ldapFailure } from './ldap-error';
import type { LdapDirectorySettings } from './ldap-settings';

export interface LdapConnection {
  readonly client: Client;
  /** Where the client is connected, for error messages (never with credentials). */
  readonly url: string;
  close(): Promise<void>;
}

/** Connects (plain, StartTLS or LDAPS as set) and binds; a failure leaves no socket open. */
export async function openLdapConnection(
  directory: LdapDirectorySettings,
  password: string | null,
): Promise<LdapConnection> {
  const ldaps = directory.ssl && !directory.startTls;
  const url = `${ldaps ? 'ldaps' : 'ldap'}://${directory.hostname}:${directory.port}`;
  const tlsOptions = await readTlsOptions(directory);
  // ldapts speaks TLS from the first byte whenever tlsOptions are given, so StartTLS gets them
  // only in startTLS().
  const client = new Client({ url, ...(ldaps ? { tlsOptions } : {}), connectTimeout: 30_000 });
  const close = (): Promise<void> => client.unbind().catch(() => undefined);
  try {
    if (directory.startTls) {
      await client.startTLS(tlsOptions);
    }
    const { username } = directory;
    if (!username || !password) {
      throw new LdapError(
        'LDAP_SETTINGS_INCOMPLETE',
        'The LDAP bind user or password is not set.',
        'Set ldap.username and the password (bwdc config ldap.password).',
      );
    }
    await client.bind(username, password);
    return { client, url, close };
  } catch (error) {
    await close();
    throw ldapFailure(error, { url });
  }
}

async function readTlsOptions(directory: LdapDirectorySettings): Promise<ConnectionOptions> {
  const caPath = directory.startTls ? directory.tlsCaPath : directory.sslCaPath;
  const read = async (file: string | null, what: string): Promise<Buffer | undefined> => {
    if (!file) {
      return undefined;
    }
    try {
      return await readFile(file);
    } catch (error) {
      throw new LdapError(
        'LDAP_SETTINGS_INCOMPLETE',
        `The ${what} file ${file} cannot be read: ${(error as Error).message}.`,
        `Check the path in the LDAP settings; the file must be readable by the user running the connector.`,
        { cause: error },
      );
    }
  };
  const [ca, cert, key] = await Promise.all([
    read(caPath, 'CA certificate'),
    directory.startTls ? undefined : read(directory.sslCertPath, 'client certificate'),
    directory.startTls ? undefined : read(directory.sslKeyPath, 'client key'),
  ]);
  return {
    rejectUnauthorized: !directory.sslAllowUnauthorized,
    ...(ca ? { ca: [ca] } : {}),
    ...(cert ? { cert } : {}),
    ...(key ? { key } : {}),
  };
}

import type { Socket } from 'node:net';
import { createServer } from 'node:net';

import { BerError, takeMessage } from './ber';
import type { AdLikeEntry } from './directory';
import { buildDirectory } from './directory';
import { decodeRequest } from './ldap-request';
import type { BindAccount, RecordedBind, RecordedSearch } from './session';
import { LdapSession } from './session';

export interface AdLikeLdapServerOptions {
  /** The domain's naming context, `DC=ad,DC=example,DC=org`; created if no entry has it. */
  readonly baseDn: string;
  /** The objects; missing parents are added, memberOf is computed from the groups' member. */
  readonly entries: readonly AdLikeEntry[];
  /** The one account that can bind, by DN or by UPN. */
  readonly bind: BindAccount;
  /** LDAP policy MaxValRange: most values of one attribute per answer (AD's default 1500). */
  readonly maxValRange?: number;
  /** LDAP policy MaxPageSize: most entries per answer (AD's default 1000). */
  readonly maxPageSize?: number;
}

export interface RunningAdLikeLdapServer {
  /** ldap://127.0.0.1:<port>, plain LDAP (no TLS). */
  readonly url: string;
  readonly port: number;
  readonly baseDn: string;
  /** Every search received, in order, with the server's answer code and entry count. */
  readonly requests: readonly RecordedSearch[];
  /** Every bind received, in order. */
  readonly binds: readonly RecordedBind[];
  /** Closes the listener and every open connection. Safe to call more than once. */
  stop(): Promise<void>;
}

const DEFAULT_MAX_VAL_RANGE = 1500;
const DEFAULT_MAX_PAGE_SIZE = 1000;

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, got ${value}`);
  }
  return value;
}

/**
 * Starts an in-process LDAP server on a free loopback port that answers like a Windows AD DC
 * where Samba does not: ranged retrieval past MaxValRange and MaxPageSize limits (see README).
 */
export async function startAdLikeLdapServer(
  options: AdLikeLdapServerOptions,
): Promise<RunningAdLikeLdapServer> {
  const limits = {
    maxValRange: positiveInteger('maxValRange', options.maxValRange ?? DEFAULT_MAX_VAL_RANGE),
    maxPageSize: positiveInteger('maxPageSize', options.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE),
  };
  const directory = buildDirectory(options.baseDn, options.entries);
  const requests: RecordedSearch[] = [];
  const binds: RecordedBind[] = [];
  const sockets = new Set<Socket>();
  const context = {
    directory,
    limits,
    account: options.bind,
    onSearch: (search: RecordedSearch) => requests.push(search),
    onBind: (bind: RecordedBind) => binds.push(bind),
  };

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A client that resets the connection is not the server's failure.
    socket.on('error', () => socket.destroy());
    serve(socket, new LdapSession(context));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address !== 'object') {
    server.close();
    throw new Error('the AD-like LDAP server has no TCP address');
  }

  let stopping: Promise<void> | undefined;
  return {
    url: `ldap://127.0.0.1:${address.port}`,
    port: address.port,
    baseDn: directory.baseDn,
    requests,
    binds,
    stop: () => {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) {
          socket.destroy();
        }
      });
      return stopping;
    },
  };
}

/** Reads LDAPMessages off the socket and answers each in turn. */
function serve(socket: Socket, session: LdapSession): void {
  let pending: Buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    try {
      for (let taken = takeMessage(pending); taken !== undefined; taken = takeMessage(pending)) {
        pending = taken.rest;
        const reply = session.handle(decodeRequest(taken.message));
        if (reply.messages.length > 0) {
          socket.write(Buffer.concat(reply.messages));
        }
        if (reply.close) {
          socket.end();
          return;
        }
      }
    } catch (error) {
      // A message that is not LDAP ends the connection, as it does on a DC. Anything else is a
      // bug here: say so, rather than leave the client with only a closed connection.
      if (!(error instanceof BerError)) {
        process.emitWarning(`AD-like LDAP server: ${String(error)}`);
      }
      socket.destroy();
    }
  });
}

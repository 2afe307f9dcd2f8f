import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import type { Server, Socket } from 'node:net';
import { connect, createServer } from 'node:net';

import { exited, logTail, sleep, terminate } from './processes';
import type { Releasable, Teardown } from './teardown';

const SOCKET_TIMEOUT_MS = 5_000;
/** sun_path is 108 bytes including the terminating NUL. */
export const MAX_SOCKET_PATH = 107;

export interface InnerRelay extends Releasable {
  readonly pid: number;
}

/**
 * Inside the namespace: a unix socket that socat forwards, one connection per fork, to the DC's
 * fixed port. Unix sockets live on the shared filesystem, so they are the door between the
 * namespace and the host. `timeout` bounds the relay like --maximum-runtime bounds samba, in case
 * the test process dies without running stop(); on SIGTERM it ends socat's forked children too.
 */
export async function startInnerRelay(input: {
  readonly exec: readonly string[];
  readonly socat: string;
  readonly socketPath: string;
  readonly targetPort: number;
  readonly logPath: string;
  readonly maxRuntimeSeconds: number;
}): Promise<InnerRelay> {
  if (Buffer.byteLength(input.socketPath) > MAX_SOCKET_PATH) {
    throw new Error(`unix socket path too long for the relay: ${input.socketPath}`);
  }
  const [command, ...prefix] = input.exec;
  if (command === undefined) {
    throw new Error('empty namespace command prefix');
  }
  const log = openSync(input.logPath, 'a');
  const child: ChildProcess = spawn(
    command,
    [
      ...prefix,
      'timeout',
      '--kill-after=5',
      String(input.maxRuntimeSeconds),
      input.socat,
      `UNIX-LISTEN:${input.socketPath},fork,unlink-early,mode=600,backlog=64`,
      `TCP:127.0.0.1:${input.targetPort}`,
    ],
    { stdio: ['ignore', log, log] },
  );
  closeSync(log);
  const relay: InnerRelay = {
    name: `relay ${input.socketPath} -> 127.0.0.1:${input.targetPort}`,
    pid: child.pid ?? -1,
    release: () => terminate(child),
    // SIGTERM, which timeout passes on to socat's whole process group; the namespace's own
    // clean-up then SIGKILLs whatever is still inside.
    releaseSync: () => {
      child.kill('SIGTERM');
    },
  };
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const deadline = Date.now() + SOCKET_TIMEOUT_MS;
  while (!existsSync(input.socketPath)) {
    const failed = await Promise.race([spawnError, sleep(10).then(() => undefined)]);
    if (failed !== undefined || exited(child) || Date.now() > deadline) {
      await relay.release();
      throw new Error(
        `socat relay to port ${input.targetPort} did not start: ${failed?.message ?? logTail(input.logPath)}`,
      );
    }
  }
  return relay;
}

export interface HostRelay extends Releasable {
  /** The loopback port it listens on, picked by the kernel: free by construction. */
  readonly port: number;
}

/**
 * On the host: 127.0.0.1:<free port> in this process, each connection piped to the unix socket
 * of an inner relay. A Node server rather than a second socat: no extra process, the kernel picks
 * the port (no race between probing a port and binding it), and stop() closes it directly.
 */
export function startHostRelay(socketPath: string): Promise<HostRelay> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(socketPath);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      // Either side failing or closing ends the pair; the LDAP client sees a closed connection.
      socket.once('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const close = (): void => {
    server.close();
    for (const socket of sockets) {
      socket.destroy();
    }
  };
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address !== 'object') {
        close();
        reject(new Error('could not read the port of the host relay'));
        return;
      }
      resolve({
        name: `host relay 127.0.0.1:${address.port} -> ${socketPath}`,
        port: address.port,
        release: () => {
          close();
          return Promise.resolve();
        },
        releaseSync: close,
      });
    });
  });
}

export interface ExposedPort {
  /** The host loopback port that reaches the DC's port. */
  readonly port: number;
  /** The inner relay's process (`timeout`, socat's parent). */
  readonly relayPid: number;
}

/**
 * Exposes a port of the DC's namespace on the host loopback: inner relay, then host relay, each
 * registered for clean-up as soon as it runs.
 */
export async function exposePort(
  input: Parameters<typeof startInnerRelay>[0] & { readonly teardown: Teardown },
): Promise<ExposedPort> {
  const inner = await startInnerRelay(input);
  input.teardown.add(inner);
  const host = await startHostRelay(input.socketPath);
  input.teardown.add(host);
  return { port: host.port, relayPid: inner.pid };
}

import { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

import { sleep } from './processes';
import type { SambaProcess } from './samba-process';

const PROBE_TIMEOUT_MS = 2_000;
const POLL_MS = 100;

// An anonymous simple LDAPv3 bind (message 1). AD answers it, so a reply proves the LDAP server
// behind all the relays is serving, where a bare connect only reaches the host relay.
const ANONYMOUS_BIND = Buffer.from([
  0x30, 0x0c, 0x02, 0x01, 0x01, 0x60, 0x07, 0x02, 0x01, 0x03, 0x04, 0x00, 0x80, 0x00,
]);

/** A probe's verdict: undefined when the server answered, else why not (for the error message). */
export type ProbeResult = string | undefined;

function probe(socket: Socket, ready: 'data' | 'secureConnect'): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const done = (result: ProbeResult): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => done('no answer'));
    socket.once('error', (error) => done(error.message));
    socket.once('close', () => done('connection closed'));
    if (ready === 'data') {
      socket.once('data', (data) => done(data[0] === 0x30 ? undefined : 'not an LDAP reply'));
    } else {
      socket.once('secureConnect', () => done(undefined));
    }
  });
}

/** Whether the plain port answers an LDAP bind with an LDAP message (a SEQUENCE). */
export function probeLdap(port: number): Promise<ProbeResult> {
  const socket = new Socket();
  const result = probe(socket, 'data');
  socket.connect(port, '127.0.0.1', () => socket.write(ANONYMOUS_BIND));
  return result;
}

/**
 * Whether the LDAPS port completes a TLS handshake for 127.0.0.1 with a certificate the CA
 * signed: the check a client makes, so a bad certificate fails the start, not the first test.
 */
export function probeLdaps(port: number, ca: Buffer): Promise<ProbeResult> {
  return probe(tlsConnect({ host: '127.0.0.1', port, ca: [ca] }), 'secureConnect');
}

/**
 * Polls both host ports until samba answers through the relays (about 1 s after its start).
 * Fails fast with samba's log if it exits meanwhile: a bad TLS key, say, ends it at once.
 */
export async function waitUntilReady(input: {
  readonly samba: SambaProcess;
  readonly ldapPort: number;
  readonly ldapsPort: number;
  readonly ca: Buffer;
  readonly timeoutMs: number;
}): Promise<void> {
  const { samba } = input;
  const deadline = Date.now() + input.timeoutMs;
  for (;;) {
    const [ldaps, ldap] = await Promise.all([
      probeLdaps(input.ldapsPort, input.ca),
      probeLdap(input.ldapPort),
    ]);
    // Checked after the probes: an answer is only samba's if samba still runs.
    if (samba.exited()) {
      throw new Error(`samba exited during start-up:\n${samba.logs()}`);
    }
    if (ldaps === undefined && ldap === undefined) {
      return;
    }
    if (Date.now() > deadline) {
      const why = `LDAPS: ${ldaps ?? 'ok'}, LDAP: ${ldap ?? 'ok'}`;
      throw new Error(`samba not ready after ${input.timeoutMs} ms (${why}):\n${samba.logs()}`);
    }
    const failed = await Promise.race([samba.spawnError, sleep(POLL_MS).then(() => undefined)]);
    if (failed !== undefined) {
      throw new Error(`samba could not be started: ${failed.message}`);
    }
  }
}

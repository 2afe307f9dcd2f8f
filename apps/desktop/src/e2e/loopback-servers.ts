/** A server a test started: the emulators' shapes, without importing them into a helper. */
export interface LoopbackServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** An LDAP server with an ordinary reading account, as `startOpenLdap` gives one. */
export interface LdapServer extends LoopbackServer {
  readonly suffix: string;
  readonly reader: { readonly dn: string; readonly password: string };
}

const LOOPBACK = '127.0.0.1';

/**
 * Refuses a server that is not on 127.0.0.1: the test hands it an organization's API key and a
 * directory password, and must send traffic nowhere else.
 */
export function assertOnLoopback(name: string, url: string): void {
  if (new URL(url).hostname !== LOOPBACK) {
    throw new Error(`The ${name} must listen on ${LOOPBACK}, not at ${url}.`);
  }
}

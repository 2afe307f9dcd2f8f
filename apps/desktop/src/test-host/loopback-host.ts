/** The only address the test host listens on. */
export const LOOPBACK_HOST = '127.0.0.1';

/**
 * Refuses any other address, whatever a caller's types said: the host hands the Connector (the
 * organization's API key, the directory's credentials) to whoever holds the token, so it must
 * never be reachable from another machine.
 */
export function assertLoopbackHost(host: string): asserts host is typeof LOOPBACK_HOST {
  if (host !== LOOPBACK_HOST) {
    throw new Error(
      `The desktop test host listens on ${LOOPBACK_HOST} only, not on '${host}': it is a test and development host, never a network service.`,
    );
  }
}

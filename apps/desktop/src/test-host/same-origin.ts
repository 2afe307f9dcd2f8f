import type { IncomingMessage } from 'node:http';

import { HttpRefusal } from './http-refusal';

/**
 * Refuses a request that does not come from the host's own pages, and returns the URL the IPC
 * handlers see as the sender's. A browser always sends `Origin` on a POST, so a page elsewhere is
 * refused here; a Node client sends none and counts as the host's own page (it still needs the
 * token). The `Host` check stops a DNS-rebound name that resolves to 127.0.0.1.
 */
export function senderUrlOf(request: IncomingMessage, ownOrigin: string): string {
  if (request.headers.host !== new URL(ownOrigin).host) {
    throw new HttpRefusal(
      403,
      'TEST_HOST_FOREIGN_HOST',
      `The test host answers only requests addressed to ${ownOrigin}.`,
    );
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== ownOrigin) {
    throw new HttpRefusal(
      403,
      'TEST_HOST_FOREIGN_ORIGIN',
      `A page at ${origin} may not call the test host; only its own pages (${ownOrigin}) may.`,
    );
  }
  return origin ?? ownOrigin;
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header that carries the token on bridge calls. */
export const BRIDGE_TOKEN_HEADER = 'x-bridge-token';

/** A fresh token for one start of the host: 256 random bits, URL-safe. */
export function newBridgeToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Whether the token a request carried is the host's, in constant time. Both sides are hashed
 * first so that the comparison also takes the same time whatever the given token's length.
 */
export function isBridgeToken(expected: string, given: string | undefined): boolean {
  if (given === undefined) {
    return false;
  }
  return timingSafeEqual(digest(expected), digest(given));
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

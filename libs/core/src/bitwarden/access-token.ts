/** An access token and the time it stops being accepted. */
export interface AccessToken {
  readonly value: string;
  /** Milliseconds since the epoch; 0 when the token carries no usable `exp`. */
  readonly expiresAt: number;
}

/** Reads `exp` from a JWT's payload without verifying it; the server does that. */
export function accessTokenFrom(jwt: string): AccessToken {
  const payload = jwt.split('.')[1];
  let expiresAt = 0;
  if (payload !== undefined) {
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
      const exp = (claims as { exp?: unknown }).exp;
      expiresAt = typeof exp === 'number' ? exp * 1000 : 0;
    } catch {
      expiresAt = 0;
    }
  }
  return { value: jwt, expiresAt };
}

/** Upstream refreshes when fewer than five minutes remain. */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;

export function needsRefresh(token: AccessToken | null, now: Date): boolean {
  return token === null || token.expiresAt - now.getTime() < TOKEN_REFRESH_MARGIN_MS;
}

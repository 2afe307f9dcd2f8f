import { createHmac, timingSafeEqual } from 'node:crypto';

export type JwtClaims = Record<string, unknown>;

const HEADER = { alg: 'HS256', typ: 'at+jwt' };

function encodeSegment(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function sign(input: string, secret: Buffer): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

export function signJwt(claims: JwtClaims, secret: Buffer): string {
  const input = `${encodeSegment(HEADER)}.${encodeSegment(claims)}`;
  return `${input}.${sign(input, secret).toString('base64url')}`;
}

function decodeSegment(segment: string): unknown {
  try {
    return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export interface JwtCheck {
  secret: Buffer;
  issuer: string;
  nowSeconds: number;
}

/**
 * Returns the claims of a token this server signed and that is valid right now, or null. The real
 * API (JwtBearer) also checks the issuer and the `at+jwt` type; it does not check the audience.
 */
export function verifyJwt(token: string, check: JwtCheck): JwtClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return null;
  }
  const [header, payload, signature] = parts as [string, string, string];
  const expected = sign(`${header}.${payload}`, check.secret);
  const actual = Buffer.from(signature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    return null;
  }
  const decodedHeader = decodeSegment(header);
  const claims = decodeSegment(payload);
  if (
    typeof decodedHeader !== 'object' ||
    decodedHeader === null ||
    (decodedHeader as JwtClaims)['alg'] !== 'HS256' ||
    (decodedHeader as JwtClaims)['typ'] !== 'at+jwt' ||
    typeof claims !== 'object' ||
    claims === null ||
    Array.isArray(claims)
  ) {
    return null;
  }
  const record = claims as JwtClaims;
  const exp = record['exp'];
  const nbf = record['nbf'];
  if (typeof exp !== 'number' || exp <= check.nowSeconds) {
    return null;
  }
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > check.nowSeconds)) {
    return null;
  }
  if (record['iss'] !== check.issuer) {
    return null;
  }
  return record;
}

/** Reads the claims without checking anything; for tests and diagnostics. */
export function decodeJwtPayload(token: string): JwtClaims | null {
  const payload = token.split('.')[1];
  if (payload === undefined) {
    return null;
  }
  const claims = decodeSegment(payload);
  return typeof claims === 'object' && claims !== null ? (claims as JwtClaims) : null;
}

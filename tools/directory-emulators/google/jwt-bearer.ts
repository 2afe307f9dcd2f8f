import { createPublicKey, verify } from 'node:crypto';

import { GOOGLE_READONLY_SCOPES, type GoogleSeedServiceAccount } from './google-seed';

/** The audience Google's client libraries sign for, even when the token URL is redirected. */
export const GOOGLE_TOKEN_AUDIENCE = 'https://oauth2.googleapis.com/token';

export interface GrantedAssertion {
  readonly clientEmail: string;
  readonly subject: string;
  readonly scopes: readonly string[];
}

/** An OAuth error as Google's token endpoint answers it. */
export interface TokenError {
  readonly status: 400 | 401;
  readonly error: 'invalid_grant' | 'unauthorized_client' | 'invalid_request';
  readonly description: string;
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Google refuses assertions valid for more than an hour, and allows a little clock skew. */
const MAX_LIFETIME_SECONDS = 3600;
const SKEW_SECONDS = 300;

/**
 * Checks a JWT-bearer grant as Google's token endpoint does: the RS256 signature against the
 * service account's seeded public key, then issuer, audience, lifetime, subject and scopes.
 */
export function checkJwtBearerGrant(
  form: URLSearchParams,
  accounts: readonly GoogleSeedServiceAccount[],
  subjectExists: (subject: string) => boolean,
  nowSeconds: number,
): GrantedAssertion | TokenError {
  if (form.get('grant_type') !== JWT_BEARER) {
    return { status: 400, error: 'invalid_request', description: 'Invalid grant_type.' };
  }
  const parts = (form.get('assertion') ?? '').split('.');
  const [header, payload, signature] = parts;
  if (parts.length !== 3 || !header || !payload || signature === undefined) {
    return invalidGrant(
      'Invalid JWT: Token must be a short-lived token and in a reasonable timeframe.',
    );
  }
  const claims = decodeJson(payload);
  const alg = decodeJson(header)?.['alg'];
  if (!claims || alg !== 'RS256') {
    return invalidGrant('Invalid JWT Signature.');
  }
  const account = accounts.find((candidate) => candidate.clientEmail === claims['iss']);
  if (!account) {
    return invalidGrant('Invalid grant: account not found');
  }
  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    createPublicKey(account.publicKeyPem),
    Buffer.from(signature, 'base64url'),
  );
  if (!signed) {
    return invalidGrant('Invalid JWT Signature.');
  }
  const iat = Number(claims['iat']);
  const exp = Number(claims['exp']);
  if (
    claims['aud'] !== GOOGLE_TOKEN_AUDIENCE ||
    !Number.isFinite(iat) ||
    !Number.isFinite(exp) ||
    exp <= nowSeconds - SKEW_SECONDS ||
    iat > nowSeconds + SKEW_SECONDS ||
    exp - iat > MAX_LIFETIME_SECONDS
  ) {
    return invalidGrant(
      'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
    );
  }
  const subject = typeof claims['sub'] === 'string' ? claims['sub'] : '';
  if (!subjectExists(subject)) {
    return invalidGrant('Invalid email or User ID');
  }
  const scopes = String(claims['scope'] ?? '')
    .split(' ')
    .filter((scope) => scope !== '');
  const delegated = account.delegatedScopes ?? GOOGLE_READONLY_SCOPES;
  if (scopes.length === 0 || scopes.some((scope) => !delegated.includes(scope))) {
    return {
      status: 401,
      error: 'unauthorized_client',
      description:
        'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.',
    };
  }
  return { clientEmail: account.clientEmail, subject, scopes };
}

function invalidGrant(description: string): TokenError {
  return { status: 400, error: 'invalid_grant', description };
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

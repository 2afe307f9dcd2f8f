import { GoogleError } from './google-error';
import { readHttpFailure } from './http-failure';

const TLS_ERRNOS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_SSL|EPROTO|ERR_TLS/;
const NETWORK_ERRNOS = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'ECONNRESET',
  'EAI_AGAIN',
]);

/** Where a failure happened: the domain read and the call (`users.list`, `members.list eng@…`). */
export interface FailureContext {
  readonly domain: string;
  readonly call: string;
}

/** Translates what the Google SDK threw into a GoogleError that says what to do. */
export function googleFailure(error: unknown, context: FailureContext): GoogleError {
  if (error instanceof GoogleError) {
    return error;
  }
  const failure = readHttpFailure(error);
  const where = `${context.call} for ${context.domain}`;
  const status = failure.status;
  const answered =
    status === null ? '' : ` (HTTP ${status}${failure.reason ? `, ${failure.reason}` : ''})`;
  const detail = `${where} failed${answered}: ${failure.detail}`;
  if (status === null) {
    if (failure.errno && TLS_ERRNOS.test(failure.errno)) {
      return new GoogleError(
        'GOOGLE_TLS_FAILED',
        `The TLS connection for ${where} failed: ${failure.detail}.`,
        'A proxy that inspects TLS must have its CA trusted: give its certificate to the connector (NODE_EXTRA_CA_CERTS, or the provider’s CA option).',
      );
    }
    if (failure.errno && NETWORK_ERRNOS.has(failure.errno)) {
      return new GoogleError(
        'GOOGLE_UNREACHABLE',
        `Cannot reach Google for ${where} (${failure.errno}).`,
        'Check that this machine can reach oauth2.googleapis.com and admin.googleapis.com on port 443, directly or through the proxy.',
      );
    }
    if (/DECODER|key|PEM|asn1/i.test(failure.detail)) {
      return new GoogleError(
        'GOOGLE_KEY_INVALID',
        `The service account’s private key for ${context.domain} cannot be used to sign (${failure.errno ?? 'not a PEM private key'}).`,
        'Set the private_key of the service account’s JSON key file as the privateKey secret, or import the key file again.',
      );
    }
    return new GoogleError(
      'GOOGLE_READ_FAILED',
      `${detail}.`,
      'Try again; if it persists, run with debug logging.',
    );
  }
  if (failure.reason === 'invalid_grant') {
    return new GoogleError(
      'GOOGLE_AUTH_FAILED',
      `Google rejected the service account sign-in for ${context.domain} (HTTP ${status}, invalid_grant): ${failure.detail}`,
      'Check the client email and private key belong to the same, still existing service account key, that the admin user exists, and that this machine’s clock is right.',
      status,
    );
  }
  if (failure.reason === 'unauthorized_client') {
    return new GoogleError(
      'GOOGLE_DELEGATION_MISSING',
      `The service account may not act for the admin user of ${context.domain} with the directory scopes (HTTP ${status}, unauthorized_client).`,
      'In the Admin console (Security → API controls → Domain-wide delegation) grant the service account’s client id the scopes admin.directory.user.readonly, admin.directory.group.readonly and admin.directory.group.member.readonly.',
      status,
    );
  }
  if (status === 401) {
    return new GoogleError(
      'GOOGLE_AUTH_FAILED',
      `${detail}.`,
      'Check the service account key and the admin user.',
      status,
    );
  }
  if (
    status === 403 &&
    !['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded'].includes(failure.reason ?? '')
  ) {
    return new GoogleError(
      'GOOGLE_FORBIDDEN',
      `${detail}.`,
      'The admin user must be a Google Workspace administrator allowed to read users and groups, and the Admin SDK API must be enabled in the service account’s Google Cloud project.',
      status,
    );
  }
  if (status === 400) {
    return new GoogleError(
      'GOOGLE_INVALID_REQUEST',
      `${detail}.`,
      'Check the domain, the customer id and the Google query after | in the user and group filters.',
      status,
    );
  }
  if (status === 404) {
    return new GoogleError(
      'GOOGLE_NOT_FOUND',
      `${detail}.`,
      'Check the domain and the customer id.',
      status,
    );
  }
  if (status === 429 || status === 403) {
    return new GoogleError(
      'GOOGLE_THROTTLED',
      `${detail}; still throttled after retrying.`,
      'Google’s API quota is exhausted for now: lower gsuite.concurrency, or sync again later.',
      status,
    );
  }
  if (status >= 500) {
    return new GoogleError(
      'GOOGLE_UNAVAILABLE',
      `${detail}; still failing after retrying.`,
      'Google is failing for now; sync again later.',
      status,
    );
  }
  return new GoogleError(
    'GOOGLE_READ_FAILED',
    `${detail}.`,
    'Try again; if it persists, run with debug logging.',
    status,
  );
}

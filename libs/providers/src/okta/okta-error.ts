import { SyncError } from '@bwdc/core';

export type OktaErrorCode =
  | 'OKTA_SETTINGS_INCOMPLETE'
  | 'OKTA_INVALID_FILTER'
  | 'OKTA_AUTH_FAILED'
  | 'OKTA_FORBIDDEN'
  | 'OKTA_INVALID_REQUEST'
  | 'OKTA_NOT_FOUND'
  | 'OKTA_THROTTLED'
  | 'OKTA_UNREACHABLE'
  | 'OKTA_TLS_FAILED'
  | 'OKTA_READ_FAILED';

/**
 * Reading Okta failed; nothing read so far is used. The message names the org, the call and
 * the HTTP status, never the API token (no SDK error is attached as the cause).
 */
export class OktaError extends SyncError {
  readonly side = 'directory';

  constructor(
    readonly code: OktaErrorCode,
    message: string,
    remedy: string,
    readonly details: { readonly org: string; readonly call: string; readonly status?: number },
  ) {
    super(message, remedy);
  }
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_SSL|EPROTO|ERR_TLS/;

/** Turns whatever the SDK threw (OktaApiError, HttpError, a FetchError) into an OktaError. */
export function oktaFailure(error: unknown, org: string, call: string): OktaError {
  if (error instanceof OktaError) {
    return error;
  }
  const failure = error as
    | {
        status?: unknown;
        errorCode?: unknown;
        errorSummary?: unknown;
        code?: unknown;
        errno?: unknown;
        message?: unknown;
      }
    | undefined;
  const status = typeof failure?.status === 'number' ? failure.status : null;
  if (status === null) {
    const code = String(failure?.code ?? failure?.errno ?? '');
    const message = typeof failure?.message === 'string' ? failure.message : String(error);
    if (TLS_CODES.test(code) || TLS_CODES.test(message)) {
      return new OktaError(
        'OKTA_TLS_FAILED',
        `The TLS connection to ${org} for ${call} failed: ${code || message}.`,
        'Behind a TLS-inspecting proxy, trust its CA certificate (NODE_EXTRA_CA_CERTS).',
        { org, call },
      );
    }
    return new OktaError(
      'OKTA_UNREACHABLE',
      `Cannot reach ${org} for ${call}: ${code || message}.`,
      'Check the org URL and that this machine can reach it.',
      { org, call },
    );
  }
  const summary = typeof failure?.errorSummary === 'string' ? failure.errorSummary : '';
  const says = summary ? `: ${[failure?.errorCode, summary].filter(Boolean).join(' ')}` : '';
  const details = { org, call, status };
  const text = (what: string) => `Okta ${what} ${call} at ${org} (HTTP ${status})${says}.`;
  switch (status) {
    case 401:
      return new OktaError(
        'OKTA_AUTH_FAILED',
        text('refused'),
        'Check the API token (Okta admin console → Security → API → Tokens): it may be revoked, expired or for another org.',
        details,
      );
    case 403:
      return new OktaError(
        'OKTA_FORBIDDEN',
        text('refused'),
        'Create the API token as an admin who may read users and groups (read-only administrator).',
        details,
      );
    case 400:
      return new OktaError(
        'OKTA_INVALID_REQUEST',
        text('rejected'),
        'Check the Okta filter after | in the user or group filter.',
        details,
      );
    case 404:
      return new OktaError(
        'OKTA_NOT_FOUND',
        text('found nothing for'),
        'Check the org URL; a group removed during the read is found on the next sync.',
        details,
      );
    case 429:
      return new OktaError(
        'OKTA_THROTTLED',
        text('kept rate-limiting'),
        'Run the sync later, lower okta.concurrency, or raise the API rate limit of the token’s app.',
        details,
      );
    default:
      return new OktaError(
        'OKTA_READ_FAILED',
        text('failed'),
        'Try again later; if it persists, check status.okta.com.',
        details,
      );
  }
}

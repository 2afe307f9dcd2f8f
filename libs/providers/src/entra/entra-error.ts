import { SyncError } from '@bwdc/core';

export type EntraErrorCode =
  | 'ENTRA_AUTH_FAILED'
  | 'ENTRA_UNREACHABLE'
  | 'ENTRA_TLS_FAILED'
  | 'ENTRA_FORBIDDEN'
  | 'ENTRA_NOT_FOUND'
  | 'ENTRA_THROTTLED'
  | 'ENTRA_READ_FAILED';

/**
 * Reading Entra ID failed; nothing read so far is used. The message names the tenant, the call
 * and the HTTP status; it never carries the client secret or a token.
 */
export class EntraError extends SyncError {
  readonly side = 'directory';

  constructor(
    readonly code: EntraErrorCode,
    message: string,
    remedy: string,
    readonly details: { readonly tenant: string; readonly call: string; readonly status?: number },
    options?: ErrorOptions,
  ) {
    super(message, remedy, options);
  }
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_SSL|EPROTO|ERR_TLS/;

/** A connection that failed before any HTTP answer: TLS trust, or the host unreachable. */
export function connectionFailure(error: unknown, tenant: string, call: string): EntraError {
  if (error instanceof EntraError) {
    return error;
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (TLS_CODES.test(code) || TLS_CODES.test(message)) {
    return new EntraError(
      'ENTRA_TLS_FAILED',
      `The TLS connection for ${call} (tenant ${tenant}) failed: ${message}.`,
      'Behind a TLS-inspecting proxy, give its CA certificate (entra.caPath).',
      { tenant, call },
      { cause: error },
    );
  }
  return new EntraError(
    'ENTRA_UNREACHABLE',
    `Cannot reach Microsoft Entra ID for ${call} (tenant ${tenant}): ${code || message}.`,
    'Check that this machine can reach the login and Graph hosts of your cloud.',
    { tenant, call },
    { cause: error },
  );
}

/** An HTTP answer Graph gave that is not a success and will not be retried. */
export function graphFailure(
  status: number,
  body: string,
  tenant: string,
  call: string,
): EntraError {
  const detail = graphErrorText(body);
  const says = detail ? `: ${detail}` : '';
  if (status === 401 || status === 403) {
    return new EntraError(
      status === 401 ? 'ENTRA_AUTH_FAILED' : 'ENTRA_FORBIDDEN',
      `Microsoft Graph refused ${call} for tenant ${tenant} (HTTP ${status})${says}.`,
      'Grant the app registration the Graph application permissions User.Read.All, Group.Read.All and (for administrative units) AdministrativeUnit.Read.All, with admin consent.',
      { tenant, call, status },
    );
  }
  if (status === 404) {
    return new EntraError(
      'ENTRA_NOT_FOUND',
      `Microsoft Graph found nothing at ${call} for tenant ${tenant} (HTTP 404)${says}.`,
      'Check the group and administrative unit ids in the user and group filters.',
      { tenant, call, status },
    );
  }
  if (status === 429) {
    return new EntraError(
      'ENTRA_THROTTLED',
      `Microsoft Graph kept throttling ${call} for tenant ${tenant} (HTTP 429)${says}.`,
      'Run the sync later, or lower entra.concurrency.',
      { tenant, call, status },
    );
  }
  return new EntraError(
    'ENTRA_READ_FAILED',
    `Microsoft Graph failed ${call} for tenant ${tenant} (HTTP ${status})${says}.`,
    'Try again later; if it persists, check the filters and the Microsoft 365 service health.',
    { tenant, call, status },
  );
}

/** Graph's `{ error: { code, message } }`, shortened to one line. */
function graphErrorText(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    const code = typeof parsed.error?.code === 'string' ? parsed.error.code : '';
    const message = typeof parsed.error?.message === 'string' ? parsed.error.message : '';
    return (
      [code, message]
        .filter((part) => part !== '')
        .join(' ')
        .split(/\r?\n/)[0] ?? ''
    );
  } catch {
    return body.slice(0, 200).split(/\r?\n/)[0] ?? '';
  }
}

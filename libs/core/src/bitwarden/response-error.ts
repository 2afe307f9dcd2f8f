import { BitwardenError } from './bitwarden-error';
import type { HttpResponse } from './http-transport';
import { parseRetryAfter } from './retry-policy';

export type BitwardenOperation = 'login' | 'import' | 'read';

/**
 * Turns a non-200 answer into a BitwardenError that says what happened and what to do: the
 * server's message and every entry of its `errors` (upstream shows only the generic message).
 */
export function errorFromResponse(
  response: HttpResponse,
  operation: BitwardenOperation,
  now: Date,
): BitwardenError {
  const { status } = response;
  const body = parseBody(response.body);
  const said = describe(body, response.body);
  const details = { status };

  if (status === 429) {
    const retryAfterMs = parseRetryAfter(header(response, 'retry-after'), now);
    return new BitwardenError(
      'RATE_LIMITED',
      `The Bitwarden server is throttling requests (429${said ? `: ${said}` : ''}).`,
      'Wait a few minutes and sync again; avoid running several syncs against one organization at once.',
      { ...details, transient: true, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
    );
  }
  if (status >= 500) {
    return new BitwardenError(
      'SERVER_ERROR',
      `The Bitwarden server failed (${status}${said ? `: ${said}` : ''}).`,
      'Try again later. If it keeps failing, check the server logs (self-hosted) or Bitwarden status.',
      { ...details, transient: true },
    );
  }
  if (operation === 'login' && (status === 400 || status === 401)) {
    return new BitwardenError(
      'API_KEY_REJECTED',
      `The organization API key was rejected (${said || status}).`,
      'Check the client id and secret (bwdc login), that the key was not rotated, and that the server URL points at the organization’s server (US or EU cloud, or self-hosted).',
      details,
    );
  }
  if (status === 401) {
    return new BitwardenError(
      'ACCESS_DENIED',
      'The Bitwarden server did not accept the access token (401).',
      'Log in again with the organization API key (bwdc login); the key may have been rotated.',
      details,
    );
  }
  if (status === 403) {
    return new BitwardenError(
      'ACCESS_DENIED',
      'The Bitwarden server refused the request (403): the key is not an organization API key.',
      "Use the organization's API key from the Admin Console, not a personal API key.",
      details,
    );
  }
  if (status === 404) {
    return new BitwardenError(
      'ORGANIZATION_NOT_FOUND',
      `The organization was not found (404${said ? `: ${said}` : ''}).`,
      'Check that the API key belongs to an existing organization on this server.',
      details,
    );
  }
  if (status === 413) {
    return new BitwardenError(
      'BODY_TOO_LARGE',
      'The import is larger than the server or its proxy accepts (413).',
      'Without large import, turn it on (bwdc config sync.largeImport true): batches stay under 8 MB unless one group’s members alone weigh more. Otherwise raise the server’s or proxy’s body size limit (Kestrel MaxRequestBodySize, nginx client_max_body_size).',
      details,
    );
  }
  if (status === 400 && /seat limit|autoscale|subscription/i.test(said)) {
    return new BitwardenError(
      'SEATS_EXHAUSTED',
      `Bitwarden refused the new members: ${said}`,
      'Add seats to the organization (or raise its autoscaling limit), or narrow the user filter.',
      details,
    );
  }
  if (status === 400) {
    return new BitwardenError(
      'REQUEST_REJECTED',
      `Bitwarden rejected the ${operation === 'import' ? 'import' : 'request'}: ${said || 'no reason given'}`,
      remedyFor(said),
      details,
    );
  }
  return new BitwardenError(
    'UNEXPECTED_RESPONSE',
    `The Bitwarden server answered ${status}${said ? `: ${said}` : ''}.`,
    'Check that the server URL points at a Bitwarden server.',
    details,
  );
}

function remedyFor(message: string): string {
  if (/this much data at once/i.test(message)) {
    return 'Turn on large import (bwdc config sync.largeImport true): more than 2,000 users or groups need it.';
  }
  if (/remove and re-add/i.test(message)) {
    return "Turn off 'Remove and re-add users during next sync' (sync.overwriteExisting): some members it would remove have not set a master password yet.";
  }
  if (/cannot use groups/i.test(message)) {
    return 'Turn off group sync (sync.groups false), or move the organization to a plan with groups.';
  }
  if (/directory syncing/i.test(message)) {
    return 'The organization’s plan does not include directory sync.';
  }
  return 'Fix what the server names above in the directory or the sync settings, then sync again.';
}

interface ErrorBody {
  readonly message?: unknown;
  readonly Message?: unknown;
  readonly errors?: unknown;
  readonly validationErrors?: unknown;
  readonly error?: unknown;
  readonly error_description?: unknown;
}

function parseBody(text: string): ErrorBody | null {
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as ErrorBody) : null;
  } catch {
    return null;
  }
}

/** The server's own words: message, every field error, or the OAuth error code. */
function describe(body: ErrorBody | null, raw: string): string {
  if (body === null) {
    const text = raw.trim().replace(/\s+/g, ' ');
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  }
  const parts: string[] = [];
  const message = body.message ?? body.Message;
  if (typeof message === 'string' && message !== '') {
    parts.push(message);
  }
  for (const [field, messages] of Object.entries(fieldErrors(body))) {
    const texts = (Array.isArray(messages) ? messages : [messages]).map(textOf);
    parts.push(field === '' ? texts.join(' ') : `${field}: ${texts.join(' ')}`);
  }
  if (typeof body.error === 'string' && body.error !== '') {
    const description =
      typeof body.error_description === 'string' && body.error_description !== ''
        ? ` (${body.error_description})`
        : '';
    parts.push(`${body.error}${description}`);
  }
  return parts.join('; ');
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

function fieldErrors(body: ErrorBody): Record<string, unknown> {
  const errors = body.errors ?? body.validationErrors;
  return errors !== null && typeof errors === 'object' ? (errors as Record<string, unknown>) : {};
}

function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

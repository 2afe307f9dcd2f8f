import { type HttpsResponse, type HttpsTransport, httpsTransport } from '../shared/https-transport';
import { OneLoginError } from './onelogin-error';
import { type OneLoginRegion, oneLoginBaseUrl } from './onelogin-settings';
import { abortableSleep } from '../shared/abortable-sleep';

/**
 * Where the provider talks to, for tests against the emulator and for admins behind a proxy
 * that inspects TLS (or on a `https://<subdomain>.onelogin.com` URL). Production leaves it unset:
 * the region's URL and the system's trust.
 */
export interface OneLoginEndpoints {
  /** Replaces `https://api.<region>.onelogin.com`; a trailing `/` is dropped. */
  readonly baseUrl?: string;
  /** A CA certificate (PEM) to trust besides Node's bundled roots. */
  readonly caPem?: string;
}

/** How hard a throttled or failing call is retried before the read fails. */
export interface OneLoginRetryPolicy {
  /** Tries in all, the first included. */
  readonly maxAttempts: number;
  /** The first backoff after a 5xx or a dropped connection; doubled each time. */
  readonly baseDelayMs: number;
  /**
   * The longest wait for a rate-limit reset; a 429 whose reset lies further away fails the read
   * at once (OneLogin's window is an hour) rather than hold the sync.
   */
  readonly maxDelayMs: number;
}

export const DEFAULT_ONELOGIN_RETRY: OneLoginRetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 300_000,
};

export interface OneLoginClientOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly region: OneLoginRegion;
  readonly endpoints?: OneLoginEndpoints | undefined;
  readonly retry: OneLoginRetryPolicy;
  readonly maxSockets: number;
  readonly signal?: AbortSignal | undefined;
  readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  readonly onRetry?: ((call: string, status: number | null, waitMs: number) => void) | undefined;
}

const TOKEN_PATH = '/auth/oauth2/v2/token';
const TLS_ERRNOS = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_SSL|EPROTO|ERR_TLS/;
const TRANSIENT_ERRNOS = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN']);
const NETWORK_ERRNOS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', ...TRANSIENT_ERRNOS]);

/**
 * OneLogin's API over `node:https` (no SDK): the client-credentials token, then API v2 GETs with
 * cursor paging (`limit`, then the `After-Cursor` header's `cursor`). 429s wait out
 * `X-RateLimit-Reset`; 5xx and reset connections are retried with backoff; a call that still
 * fails throws a OneLoginError and no partial list is returned.
 */
export class OneLoginClient {
  private readonly transport: HttpsTransport;
  private readonly baseUrl: string;
  /** How errors name the place: the region, and the URL when it is not the region's. */
  readonly where: string;
  private token: string | null = null;

  constructor(private readonly options: OneLoginClientOptions) {
    const regional = oneLoginBaseUrl(options.region);
    this.baseUrl = (options.endpoints?.baseUrl ?? regional).replace(/\/+$/, '');
    this.where =
      this.baseUrl === regional
        ? `OneLogin (${options.region.toUpperCase()} region)`
        : `OneLogin (${options.region.toUpperCase()} region, at ${this.baseUrl})`;
    this.transport = httpsTransport({
      ca: options.endpoints?.caPem ?? null,
      maxSockets: options.maxSockets + 1,
    });
  }

  /** Gets an access token; a wrong client id or secret is ONELOGIN_AUTH_FAILED. */
  async signIn(): Promise<void> {
    const call = 'the token request (POST /auth/oauth2/v2/token)';
    const basic = Buffer.from(`${this.options.clientId}:${this.options.clientSecret}`).toString(
      'base64',
    );
    const response = await this.send(call, () =>
      this.transport.request(
        'POST',
        `${this.baseUrl}${TOKEN_PATH}`,
        {
          authorization: `Basic ${basic}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        JSON.stringify({ grant_type: 'client_credentials' }),
        this.options.signal,
      ),
    );
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      throw new OneLoginError(
        'ONELOGIN_AUTH_FAILED',
        `${this.where} refused the API credentials of client id ${this.options.clientId} in ${call} (HTTP ${response.status}${detailOf(response)}).`,
        'Check the client id and client secret of the API credential (Administration → Developers → API Credentials) and the region; the credential needs "Read users" or "Read All" access.',
        response.status,
      );
    }
    this.failUnlessOk(call, response);
    const token = (parseJson(response.body) as { access_token?: unknown } | null)?.access_token;
    if (typeof token !== 'string' || token === '') {
      throw new OneLoginError(
        'ONELOGIN_AUTH_FAILED',
        `${this.where} answered ${call} without an access token (HTTP ${response.status}).`,
        'Check the region and the base URL: the answer did not come from OneLogin’s token endpoint.',
        response.status,
      );
    }
    this.token = token;
  }

  /**
   * Reads every page of an API v2 list: `limit` and the query on the first call, then `cursor`
   * and the query. Each page's items are handed on as they arrive.
   */
  async readAll(
    what: string,
    path: string,
    query: URLSearchParams,
    pageSize: number,
    onPage: (items: readonly unknown[]) => void,
  ): Promise<void> {
    let cursor: string | null = null;
    for (let page = 1; ; page += 1) {
      const params = new URLSearchParams(query);
      if (cursor) {
        params.set('cursor', cursor);
      } else {
        params.set('limit', String(pageSize));
      }
      const call = `${what} (GET ${path}, page ${page})`;
      const response = await this.get(call, `${path}?${params.toString()}`);
      const items = parseJson(response.body);
      if (!Array.isArray(items)) {
        throw new OneLoginError(
          'ONELOGIN_READ_FAILED',
          `${this.where} answered ${call} with something that is not a list (HTTP ${response.status}).`,
          'Check the base URL points at OneLogin’s API; try again, and if it persists run with debug logging.',
          response.status,
        );
      }
      onPage(items);
      cursor = response.headers['after-cursor'] || null;
      if (!cursor) {
        return;
      }
    }
  }

  close(): void {
    this.transport.close();
  }

  private async get(call: string, pathAndQuery: string): Promise<HttpsResponse> {
    const request = () =>
      this.transport.request(
        'GET',
        `${this.baseUrl}${pathAndQuery}`,
        { authorization: `Bearer ${this.token ?? ''}`, accept: 'application/json' },
        undefined,
        this.options.signal,
      );
    let response = await this.send(call, request);
    if (response.status === 401) {
      // The token expired (they last 10 hours): get a new one, once.
      await this.signIn();
      response = await this.send(call, request);
    }
    this.failUnlessOk(call, response);
    return response;
  }

  /** Sends, retrying a 429 after the rate-limit reset and a 5xx or reset connection after a backoff. */
  private async send(call: string, request: () => Promise<HttpsResponse>): Promise<HttpsResponse> {
    const { retry, signal } = this.options;
    for (let attempt = 1; ; attempt += 1) {
      signal?.throwIfAborted();
      let response: HttpsResponse;
      try {
        response = await request();
      } catch (error) {
        const errno = errnoOf(error);
        if (attempt >= retry.maxAttempts || !errno || !TRANSIENT_ERRNOS.has(errno)) {
          throw this.networkFailure(call, error);
        }
        const waitMs = backoff(retry, attempt);
        this.options.onRetry?.(call, null, waitMs);
        await this.wait(waitMs);
        continue;
      }
      const throttled = response.status === 429;
      if (!throttled && response.status < 500) {
        return response;
      }
      const resetMs = throttled ? rateLimitResetMs(response.headers) : null;
      if (throttled && resetMs !== null && resetMs > retry.maxDelayMs) {
        throw this.throttledFailure(call, response, resetMs);
      }
      if (attempt >= retry.maxAttempts) {
        return response;
      }
      const waitMs = resetMs ?? backoff(retry, attempt);
      this.options.onRetry?.(call, response.status, waitMs);
      await this.wait(waitMs);
    }
  }

  private failUnlessOk(call: string, response: HttpsResponse): void {
    const status = response.status;
    if (status === 200) {
      return;
    }
    const detail = `${this.where} answered ${call} with HTTP ${status}${detailOf(response)}`;
    if (status === 429) {
      throw this.throttledFailure(call, response, rateLimitResetMs(response.headers));
    }
    if (status >= 500) {
      throw new OneLoginError(
        'ONELOGIN_UNAVAILABLE',
        `${detail}; still failing after ${this.options.retry.maxAttempts} tries. Nothing was synced.`,
        'OneLogin is failing for now; sync again later.',
        status,
      );
    }
    if (status === 401 || status === 403) {
      throw new OneLoginError(
        status === 401 ? 'ONELOGIN_AUTH_FAILED' : 'ONELOGIN_FORBIDDEN',
        `${detail}.`,
        'The API credential needs "Read users" (or "Read All") access; check it in Administration → Developers → API Credentials.',
        status,
      );
    }
    if (status === 404) {
      throw new OneLoginError(
        'ONELOGIN_NOT_FOUND',
        `${detail}.`,
        'Check the region (and the base URL, when one is set).',
        status,
      );
    }
    if (status === 400 || status === 422) {
      throw new OneLoginError(
        'ONELOGIN_INVALID_REQUEST',
        `${detail}.`,
        'Check the OneLogin search parameters after | in the user and role filters.',
        status,
      );
    }
    throw new OneLoginError(
      'ONELOGIN_READ_FAILED',
      `${detail}.`,
      'Try again; if it persists, run with debug logging.',
      status,
    );
  }

  private throttledFailure(
    call: string,
    response: HttpsResponse,
    resetMs: number | null,
  ): OneLoginError {
    const reset = resetMs === null ? '' : `; the limit resets in ${Math.ceil(resetMs / 1000)} s`;
    return new OneLoginError(
      'ONELOGIN_THROTTLED',
      `${this.where} answered ${call} with HTTP ${response.status} (rate limit ${response.headers['x-ratelimit-limit'] ?? 'unknown'} calls)${reset}.`,
      'OneLogin’s API rate limit is used up (other tools may share it): lower onelogin.concurrency, or sync again after the reset.',
      response.status,
    );
  }

  private networkFailure(call: string, error: unknown): OneLoginError {
    if (error instanceof OneLoginError) {
      return error;
    }
    const errno = errnoOf(error);
    const message = error instanceof Error ? error.message : String(error);
    if (errno && TLS_ERRNOS.test(errno)) {
      return new OneLoginError(
        'ONELOGIN_TLS_FAILED',
        `The TLS connection to ${this.where} for ${call} failed: ${message}.`,
        'A proxy that inspects TLS must have its CA trusted: give its certificate to the connector (NODE_EXTRA_CA_CERTS).',
      );
    }
    if (errno && NETWORK_ERRNOS.has(errno)) {
      return new OneLoginError(
        'ONELOGIN_UNREACHABLE',
        `Cannot reach ${this.where} for ${call} (${errno}).`,
        `Check that this machine can reach ${new URL(this.baseUrl).host} on port 443, directly or through the proxy.`,
      );
    }
    if ((error as { name?: unknown } | null)?.name === 'AbortError') {
      return new OneLoginError(
        'ONELOGIN_READ_FAILED',
        `${call} was cancelled.`,
        'Run the sync again.',
      );
    }
    return new OneLoginError(
      'ONELOGIN_READ_FAILED',
      `${call} to ${this.where} failed: ${message}.`,
      'Try again; if it persists, run with debug logging.',
    );
  }

  private wait(ms: number): Promise<void> {
    return (this.options.sleep ?? abortableSleep)(ms, this.options.signal);
  }
}

/**
 * How long until the rate limit lets calls through: `X-RateLimit-Reset` is the **seconds left**
 * (not an epoch time, unlike Okta's); `Retry-After` when a proxy sends that instead.
 */
export function rateLimitResetMs(headers: Readonly<Record<string, string>>): number | null {
  for (const name of ['x-ratelimit-reset', 'retry-after']) {
    const seconds = Number(headers[name]);
    if (headers[name] !== undefined && headers[name] !== '' && Number.isFinite(seconds)) {
      return Math.max(0, seconds * 1000);
    }
  }
  return null;
}

function backoff(policy: OneLoginRetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

/** OneLogin's own message: v2's `{message}`, v1's `{status:{message}}`, OAuth's `{error}`. */
function detailOf(response: HttpsResponse): string {
  const body = parseJson(response.body) as {
    message?: unknown;
    status?: { message?: unknown };
    error?: unknown;
  } | null;
  const message = body?.message ?? body?.status?.message ?? body?.error;
  return typeof message === 'string' && message !== '' ? `: ${message.slice(0, 200)}` : '';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function errnoOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

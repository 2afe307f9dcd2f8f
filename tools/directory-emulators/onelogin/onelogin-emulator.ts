import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

import { createTestCertificates } from '../tls/test-certificates';
import { type ApiAnswer, answerApi, oneLoginError } from './onelogin-routes';
import type { OneLoginSeed } from './onelogin-seed';

export interface OneLoginEmulatorOptions extends OneLoginSeed {
  /** Added before every answer, token included. */
  readonly latencyMs?: number;
  /**
   * OneLogin's rate limit, made small: `limit` API calls per `windowSeconds`; past it every call
   * is answered 429 until the window ends. `X-RateLimit-Reset` is the seconds left in the window.
   * Without it the headers still go out, with a limit no test reaches.
   */
  readonly rateLimit?: { readonly limit: number; readonly windowSeconds: number };
  /**
   * Answer API calls whose path matches (and, with `page`, only that page of the listing, 1 being
   * the first) with `status`, `times` times (default: always).
   */
  readonly faults?: readonly OneLoginFault[];
}

export interface OneLoginFault {
  readonly path: RegExp;
  readonly page?: number;
  readonly status: number;
  readonly times?: number;
}

export interface OneLoginRecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
  /** The Authorization header with any secret or token replaced, to check its scheme. */
  readonly authorization: string | null;
}

export interface OneLoginEmulator {
  /** `https://127.0.0.1:<port>`: what the provider uses instead of `https://api.us.onelogin.com`. */
  readonly baseUrl: string;
  /** The CA that signed the emulator's certificate. */
  readonly caPem: string;
  /** Every request, in order of arrival, with the status it was answered. */
  readonly requests: OneLoginRecordedRequest[];
  stop(): Promise<void>;
}

const TOKEN_PATH = '/auth/oauth2/v2/token';
const TOKEN_LIFETIME_SECONDS = 36_000;

/** Starts OneLogin's token endpoint and API v2 users and roles on 127.0.0.1 (HTTPS, a free port). */
export async function startOneLoginEmulator(
  options: OneLoginEmulatorOptions,
): Promise<OneLoginEmulator> {
  const certificates = await createTestCertificates();
  const tokens = new Map<string, { clientId: string; expires: number }>();
  const requests: OneLoginRecordedRequest[] = [];
  const faults = (options.faults ?? []).map((fault) => ({
    ...fault,
    left: fault.times ?? Number.POSITIVE_INFINITY,
  }));
  const limit = options.rateLimit ?? { limit: 5_000, windowSeconds: 3_600 };
  const window = { start: Date.now(), used: 0 };

  const token = (request: IncomingMessage, body: string): ApiAnswer => {
    const client = credentials(request, body);
    const known = options.clients.find(
      (candidate) =>
        candidate.clientId === client?.clientId && candidate.clientSecret === client.clientSecret,
    );
    if (!known) {
      return oneLoginError(401, 'Unauthorized', 'Authentication Failure');
    }
    let grant: unknown;
    try {
      grant = (JSON.parse(body || '{}') as { grant_type?: unknown }).grant_type;
    } catch {
      return oneLoginError(400, 'BadRequest', 'Invalid JSON body');
    }
    if (grant !== 'client_credentials') {
      return oneLoginError(400, 'BadRequest', 'grant_type must be client_credentials');
    }
    // The same credentials get the same token back until it expires, as OneLogin does.
    const now = Date.now();
    const existing = [...tokens].find(
      ([, held]) => held.clientId === known.clientId && held.expires > now,
    );
    const accessToken = existing?.[0] ?? randomBytes(32).toString('hex');
    tokens.set(accessToken, {
      clientId: known.clientId,
      expires: existing?.[1].expires ?? now + TOKEN_LIFETIME_SECONDS * 1000,
    });
    return {
      status: 200,
      body: {
        access_token: accessToken,
        created_at: new Date(now).toISOString(),
        expires_in: TOKEN_LIFETIME_SECONDS,
        refresh_token: randomBytes(32).toString('hex'),
        token_type: 'bearer',
        account_id: 123456,
      },
    };
  };

  const rateHeaders = (): Record<string, string> => {
    const now = Date.now();
    if (now - window.start >= limit.windowSeconds * 1000) {
      window.start = now;
      window.used = 0;
    }
    const reset = Math.max(1, Math.ceil((window.start + limit.windowSeconds * 1000 - now) / 1000));
    return {
      'x-ratelimit-limit': String(limit.limit),
      'x-ratelimit-remaining': String(Math.max(0, limit.limit - window.used)),
      'x-ratelimit-reset': String(reset),
    };
  };

  const api = (request: IncomingMessage, url: URL): ApiAnswer => {
    const bearer = /^bearer[ :](.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
    const held = bearer ? tokens.get(bearer) : undefined;
    if (!held || held.expires < Date.now()) {
      return oneLoginError(401, 'Unauthorized', 'Authentication Failure');
    }
    const headers = rateHeaders();
    if (window.used >= limit.limit) {
      return { ...oneLoginError(429, 'TooManyRequests', 'Rate Limit Exceeded'), headers };
    }
    window.used += 1;
    headers['x-ratelimit-remaining'] = String(limit.limit - window.used);
    const answer = answerApi(options, request.method ?? 'GET', url.pathname, url.searchParams);
    const page = Number(answer.headers?.['current-page'] ?? 1);
    const fault = faults.find(
      (candidate) =>
        candidate.left > 0 &&
        candidate.path.test(url.pathname) &&
        (candidate.page === undefined || candidate.page === page),
    );
    if (fault) {
      fault.left -= 1;
      return { ...oneLoginError(fault.status, 'InternalServerError', 'Injected fault'), headers };
    }
    return { ...answer, headers: { ...answer.headers, ...headers } };
  };

  const server = createServer(
    { cert: certificates.certPem, key: certificates.keyPem },
    (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'https://127.0.0.1');
        const body = Buffer.concat(chunks).toString('utf8');
        const result =
          url.pathname === TOKEN_PATH
            ? request.method === 'POST'
              ? token(request, body)
              : oneLoginError(405, 'MethodNotAllowed', 'Method Not Allowed')
            : api(request, url);
        requests.push({
          method: request.method ?? 'GET',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          status: result.status,
          authorization: redacted(request.headers.authorization),
        });
        setTimeout(() => send(response, result), options.latencyMs ?? 0);
      });
    },
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    baseUrl: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    caPem: certificates.caPem,
    requests,
    stop: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/**
 * The client's id and secret: HTTP Basic, OneLogin's `client_id:<id>, client_secret:<secret>`
 * header, or `client_id`/`client_secret` fields in the body.
 */
function credentials(
  request: IncomingMessage,
  body: string,
): { clientId: string; clientSecret: string } | null {
  const header = request.headers.authorization ?? '';
  const basic = /^basic (.+)$/i.exec(header)?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0
      ? null
      : { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
  }
  const pair = /client_id:\s*([^,]+),\s*client_secret:\s*(.+)$/i.exec(header);
  if (pair?.[1] && pair[2]) {
    return { clientId: pair[1].trim(), clientSecret: pair[2].trim() };
  }
  try {
    const fields = JSON.parse(body || '{}') as { client_id?: unknown; client_secret?: unknown };
    if (typeof fields.client_id === 'string' && typeof fields.client_secret === 'string') {
      return { clientId: fields.client_id, clientSecret: fields.client_secret };
    }
  } catch {
    // not JSON: no credentials in the body
  }
  return null;
}

function redacted(header: string | undefined): string | null {
  if (!header) {
    return null;
  }
  return header.replace(/^(\w+)[\s\S]*$/, '$1 [redacted]');
}

function send(response: ServerResponse, result: ApiAnswer): void {
  const text = JSON.stringify(result.body);
  response.writeHead(result.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...result.headers,
  });
  response.end(text);
}

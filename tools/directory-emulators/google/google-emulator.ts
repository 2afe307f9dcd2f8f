import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

import { createTestCertificates } from '../tls/test-certificates';
import { type Caller, answerDirectory, googleError } from './directory-routes';
import type { GoogleSeed } from './google-seed';
import { checkJwtBearerGrant } from './jwt-bearer';

export interface GoogleEmulatorOptions extends GoogleSeed {
  /** Added before every answer, token included, like a far-away data centre. */
  readonly latencyMs?: number;
  /**
   * After `burst` Directory requests, answer 429 with `Retry-After: retryAfterSeconds` until that
   * time has passed, then allow another burst (Google's per-user quota, made deterministic).
   */
  readonly throttle?: {
    readonly burst: number;
    readonly retryAfterSeconds: number;
    /**
     * `429` (default) with `Retry-After`, or what the Directory API documents for its per-user
     * quota: `403 userRateLimitExceeded`, with no `Retry-After`.
     */
    readonly answer?: '429' | 'userRateLimitExceeded';
  };
  /** Answer the next `times` Directory requests whose path matches with `status`. */
  readonly faults?: readonly {
    readonly path: RegExp;
    readonly status: number;
    readonly times: number;
  }[];
}

export interface GoogleRecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
}

export interface GoogleEmulator {
  /** The Directory API root, for the admin client's `rootUrl`. */
  readonly rootUrl: string;
  /** The OAuth token endpoint the JWT client must post to instead of Google's. */
  readonly tokenUrl: string;
  /** The CA that signed the emulator's certificate. */
  readonly caPem: string;
  /** Every request, in order of arrival, with the status it was answered. */
  readonly requests: GoogleRecordedRequest[];
  stop(): Promise<void>;
}

const TOKEN_PATH = '/token';

/** Starts a Google token endpoint and Directory API v1 on 127.0.0.1 (HTTPS, a free port). */
export async function startGoogleEmulator(options: GoogleEmulatorOptions): Promise<GoogleEmulator> {
  const certificates = await createTestCertificates();
  const tokens = new Map<string, Caller & { expires: number }>();
  const requests: GoogleRecordedRequest[] = [];
  const faults = (options.faults ?? []).map((fault) => ({ ...fault, left: fault.times }));
  const throttle = { passed: 0, blockedUntil: 0 };

  const answer = (
    request: IncomingMessage,
    body: string,
  ): { status: number; body: unknown; headers?: Record<string, string> } => {
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    if (url.pathname === TOKEN_PATH && request.method === 'POST') {
      const granted = checkJwtBearerGrant(
        new URLSearchParams(body),
        options.serviceAccounts,
        (subject) =>
          options.customers.some((c) =>
            c.users.some(
              (u) => u.primaryEmail.toLowerCase() === subject.toLowerCase() && !u.deleted,
            ),
          ),
        Math.floor(Date.now() / 1000),
      );
      if ('error' in granted) {
        return {
          status: granted.status,
          body: { error: granted.error, error_description: granted.description },
        };
      }
      const accessToken = `ya29.emulated-${randomBytes(12).toString('hex')}`;
      tokens.set(accessToken, { ...granted, expires: Date.now() + 3_600_000 });
      return {
        status: 200,
        body: { access_token: accessToken, expires_in: 3599, token_type: 'Bearer' },
      };
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const caller = bearer ? tokens.get(bearer) : undefined;
    if (!caller || caller.expires < Date.now()) {
      return googleError(401, 'Request had invalid authentication credentials.', 'authError');
    }
    if (request.method !== 'GET') {
      return googleError(405, 'Method Not Allowed', 'methodNotAllowed');
    }
    const fault = faults.find(
      (candidate) => candidate.left > 0 && candidate.path.test(url.pathname),
    );
    if (fault) {
      fault.left -= 1;
      return googleError(fault.status, 'Injected fault', 'backendError');
    }
    if (options.throttle) {
      const now = Date.now();
      if (now < throttle.blockedUntil) {
        return throttled(throttle.blockedUntil - now, options.throttle.answer);
      }
      if (throttle.passed >= options.throttle.burst) {
        throttle.passed = 0;
        throttle.blockedUntil = now + options.throttle.retryAfterSeconds * 1000;
        return throttled(options.throttle.retryAfterSeconds * 1000, options.throttle.answer);
      }
      throttle.passed += 1;
    }
    return answerDirectory(options.customers, caller, url.pathname, url.searchParams);
  };

  const server = createServer(
    { cert: certificates.certPem, key: certificates.keyPem },
    (request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const result = answer(request, Buffer.concat(chunks).toString('utf8'));
        const url = new URL(request.url ?? '/', 'https://127.0.0.1');
        requests.push({
          method: request.method ?? 'GET',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          status: result.status,
        });
        setTimeout(() => send(response, result), options.latencyMs ?? 0);
      });
    },
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    rootUrl: `${origin}/`,
    tokenUrl: `${origin}${TOKEN_PATH}`,
    caPem: certificates.caPem,
    requests,
    stop: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function throttled(waitMs: number, answer: '429' | 'userRateLimitExceeded' = '429') {
  if (answer === 'userRateLimitExceeded') {
    return googleError(403, 'User Rate Limit Exceeded', 'userRateLimitExceeded');
  }
  return {
    ...googleError(429, 'Quota exceeded for quota metric', 'rateLimitExceeded'),
    headers: { 'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))) },
  };
}

function send(
  response: ServerResponse,
  result: { status: number; body: unknown; headers?: Record<string, string> },
): void {
  const text = JSON.stringify(result.body);
  response.writeHead(result.status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    ...result.headers,
  });
  response.end(text);
}

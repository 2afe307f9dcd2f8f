import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

import { createTestCertificates } from '../tls/test-certificates';
import { OktaFilterSyntaxError, type OktaPredicate, parseOktaFilter } from './okta-filter';
import type { OktaSeed, OktaSeedGroup, OktaSeedUser } from './okta-seed';

export interface OktaEmulatorOptions extends OktaSeed {
  /** Added before every answer, like a far-away cell. */
  readonly latencyMs?: number;
  /**
   * Okta's rate limit, one bucket for every `/api/v1` call: `limit` requests per window, the
   * windows aligned on the epoch. `windowMs` is Okta's minute (60,000); tests shrink it to a
   * whole number of seconds (`X-Rate-Limit-Reset` is in epoch seconds). Past the limit: 429.
   */
  readonly rateLimit?: { readonly limit: number; readonly windowMs?: number };
}

export interface OktaRecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
  /** When it arrived (ms since the epoch). */
  readonly at: number;
  /** `X-Okta-Retry-Count`, set by the SDK when it retries a 429. */
  readonly retryCount: number;
}

export interface OktaEmulator {
  /** The org URL, `https://127.0.0.1:<port>`, for the SDK's `orgUrl`. */
  readonly orgUrl: string;
  /** The CA that signed the emulator's certificate. */
  readonly caPem: string;
  /** Every request, in order of arrival, with the status it was answered. */
  readonly requests: OktaRecordedRequest[];
  /** Changes a user's status or profile as an admin would; `lastUpdated` becomes now. */
  updateUser(
    id: string,
    change: { readonly status?: string; readonly profile?: Record<string, unknown> },
  ): void;
  stop(): Promise<void>;
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

const DEFAULT_USER_LIMIT = 200;
const MAX_USER_LIMIT = 200;
const DEFAULT_GROUP_LIMIT = 10_000;
const MAX_GROUP_LIMIT = 10_000;

/** Starts an Okta org's users and groups API (v1) on 127.0.0.1, HTTPS, on a free port. */
export async function startOktaEmulator(options: OktaEmulatorOptions): Promise<OktaEmulator> {
  const certificates = await createTestCertificates();
  const startedAt = new Date().toISOString();
  const users = new Map<string, OktaSeedUser>(
    options.users.map((user) => [
      user.id,
      { ...user, created: user.created ?? startedAt, lastUpdated: user.lastUpdated ?? startedAt },
    ]),
  );
  const groups: OktaSeedGroup[] = options.groups.map((group) => ({
    ...group,
    type: group.type ?? 'OKTA_GROUP',
    lastUpdated: group.lastUpdated ?? startedAt,
  }));
  const groupsById = new Map(groups.map((group) => [group.id, group]));
  const tokens = new Set(options.tokens);
  const requests: OktaRecordedRequest[] = [];
  const bucket = { window: -1, used: 0 };
  let origin = '';

  const rateHeaders = (now: number): { headers: Record<string, string>; over: boolean } => {
    if (!options.rateLimit) {
      return {
        headers: {
          'x-rate-limit-limit': '600',
          'x-rate-limit-remaining': '599',
          'x-rate-limit-reset': String(Math.ceil(now / 1000) + 60),
        },
        over: false,
      };
    }
    const windowMs = options.rateLimit.windowMs ?? 60_000;
    const window = Math.floor(now / windowMs);
    if (window !== bucket.window) {
      bucket.window = window;
      bucket.used = 0;
    }
    bucket.used += 1;
    const over = bucket.used > options.rateLimit.limit;
    return {
      headers: {
        'x-rate-limit-limit': String(options.rateLimit.limit),
        'x-rate-limit-remaining': String(Math.max(0, options.rateLimit.limit - bucket.used)),
        'x-rate-limit-reset': String(Math.ceil(((window + 1) * windowMs) / 1000)),
      },
      over,
    };
  };

  const answer = (request: IncomingMessage, url: URL): Answer => {
    const token = /^SSWS (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token || !tokens.has(token)) {
      return oktaError(401, 'E0000011', 'Invalid token provided');
    }
    const rate = rateHeaders(Date.now());
    if (rate.over) {
      return {
        ...oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.'),
        headers: rate.headers,
      };
    }
    const withRate = (result: Answer): Answer => ({
      ...result,
      headers: { ...rate.headers, ...result.headers },
    });
    if (request.method !== 'GET') {
      return withRate(
        oktaError(405, 'E0000022', 'The endpoint does not support the provided HTTP method'),
      );
    }
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/api/v1/users') {
      const predicate = filterOf(url);
      if (typeof predicate !== 'function') {
        return withRate(predicate);
      }
      const listed = [...users.values()].filter((user) =>
        predicate === ALL_BUT_DEPROVISIONED ? user.status !== 'DEPROVISIONED' : predicate(user),
      );
      return withRate(page(url, listed, DEFAULT_USER_LIMIT, MAX_USER_LIMIT));
    }
    if (path === '/api/v1/groups') {
      const predicate = filterOf(url);
      if (typeof predicate !== 'function') {
        return withRate(predicate);
      }
      const listed = groups.filter(
        (group) => predicate === ALL_BUT_DEPROVISIONED || predicate(group),
      );
      return withRate(
        page(
          url,
          listed.map(({ id, type, lastUpdated, profile }) => ({ id, type, lastUpdated, profile })),
          DEFAULT_GROUP_LIMIT,
          MAX_GROUP_LIMIT,
        ),
      );
    }
    const members = /^\/api\/v1\/groups\/([^/]+)\/users$/.exec(path);
    if (members) {
      const group = groupsById.get(decodeURIComponent(members[1] ?? ''));
      if (!group) {
        return withRate(
          oktaError(404, 'E0000007', `Not found: Resource not found: ${members[1]} (UserGroup)`),
        );
      }
      const listed = group.members
        .map((id) => users.get(id))
        .filter(
          (user): user is OktaSeedUser => user !== undefined && user.status !== 'DEPROVISIONED',
        );
      return withRate(page(url, listed, 1_000, 1_000));
    }
    return withRate(
      oktaError(404, 'E0000022', `The endpoint does not support the provided HTTP method`),
    );
  };

  /** `filter` or `search` (same subset); neither lists everything but deprovisioned users. */
  const filterOf = (url: URL): OktaPredicate | Answer => {
    const text = url.searchParams.get('filter') ?? url.searchParams.get('search');
    if (text === null || text.trim() === '') {
      return ALL_BUT_DEPROVISIONED;
    }
    try {
      return parseOktaFilter(text);
    } catch (error) {
      if (error instanceof OktaFilterSyntaxError) {
        return oktaError(400, 'E0000031', `Invalid search criteria. ${error.message}`);
      }
      throw error;
    }
  };

  /** One page after `after` (the last id of the previous page), with Okta's `Link` headers. */
  const page = (
    url: URL,
    items: readonly { readonly id: string }[],
    defaultLimit: number,
    maxLimit: number,
  ): Answer => {
    const asked = Number(url.searchParams.get('limit') ?? defaultLimit);
    const limit = Math.min(maxLimit, Number.isInteger(asked) && asked > 0 ? asked : defaultLimit);
    const after = url.searchParams.get('after');
    const start = after === null ? 0 : items.findIndex((item) => item.id === after) + 1;
    const slice = items.slice(start, start + limit);
    const self = `${origin}${url.pathname}${url.search}`;
    const links = [`<${self}>; rel="self"`];
    if (start + limit < items.length && slice.length > 0) {
      const next = new URLSearchParams(url.searchParams);
      next.set('after', slice[slice.length - 1]?.id ?? '');
      next.set('limit', String(limit));
      links.push(`<${origin}${url.pathname}?${next.toString()}>; rel="next"`);
    }
    return { status: 200, body: slice, headers: { link: links.join(', ') } };
  };

  const server = createServer(
    { cert: certificates.certPem, key: certificates.keyPem },
    (request, response) => {
      request.resume();
      request.on('end', () => {
        const url = new URL(request.url ?? '/', origin);
        const result = answer(request, url);
        requests.push({
          method: request.method ?? 'GET',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          status: result.status,
          at: Date.now(),
          retryCount: Number(request.headers['x-okta-retry-count'] ?? 0),
        });
        setTimeout(() => send(response, result), options.latencyMs ?? 0);
      });
    },
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    orgUrl: origin,
    caPem: certificates.caPem,
    requests,
    updateUser: (id, change) => {
      const user = users.get(id);
      if (!user) {
        throw new Error(`No user ${id} in the emulated org`);
      }
      users.set(id, {
        ...user,
        status: change.status ?? user.status,
        profile: { ...user.profile, ...change.profile },
        lastUpdated: new Date().toISOString(),
      });
    },
    stop: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Okta lists users without a filter minus the deprovisioned ones; a filter sees them all. */
const ALL_BUT_DEPROVISIONED: OktaPredicate = () => true;

/** Okta's error body: `errorCode`, `errorSummary`, `errorLink`, `errorId`, `errorCauses`. */
function oktaError(status: number, errorCode: string, errorSummary: string): Answer {
  return {
    status,
    body: {
      errorCode,
      errorSummary,
      errorLink: errorCode,
      errorId: `oae${randomBytes(11).toString('base64url')}`,
      errorCauses: [],
    },
  };
}

function send(response: ServerResponse, result: Answer): void {
  const text = JSON.stringify(result.body);
  response.writeHead(result.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-okta-request-id': randomBytes(10).toString('hex'),
    ...result.headers,
  });
  response.end(text);
}

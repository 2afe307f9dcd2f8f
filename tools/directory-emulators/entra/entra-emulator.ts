import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';

import { createTestCertificates } from '../tls/test-certificates';
import type { EmulatedTenant } from './entra-tenant';
import { TenantDirectory, error, type GraphResponse } from './graph-api';

export interface EntraThrottle {
  /** Graph requests let through per window; the rest get 429 until the window ends. */
  readonly burst: number;
  /** Default 1,000 ms. */
  readonly windowMs?: number;
}

/** Graph requests whose path and query contain `urlIncludes` fail with `status`, `times` times. */
export interface EntraFault {
  readonly urlIncludes: string;
  readonly status: number;
  /** Default: every time. */
  readonly times?: number;
}

export interface EntraEmulatorOptions {
  readonly tenants: readonly EmulatedTenant[];
  readonly faults?: readonly EntraFault[];
  /** Added before every answer, login and Graph alike. */
  readonly latencyMs?: number;
  readonly throttle?: EntraThrottle;
  /** Token lifetime in seconds; default 3,600. */
  readonly tokenLifetimeSeconds?: number;
}

export interface EmulatorRequest {
  readonly server: 'login' | 'graph';
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly status: number;
  readonly tenant: string | null;
  /** One request of a `$batch` (the batch's POST is logged too). */
  readonly inBatch?: true;
}

export interface EntraEmulator {
  /** The login origin (`https://127.0.0.1:<port>`): the authority is `<url>/<tenant>`. */
  readonly url: string;
  /** `host:port` of the login origin, for msal's `knownAuthorities`. */
  readonly authorityHost: string;
  /** The Graph origin, a server of its own as in the real clouds; calls go to `<graphUrl>/v1.0`. */
  readonly graphUrl: string;
  /** The CA that signed both servers' certificate. */
  readonly caPem: string;
  readonly requests: EmulatorRequest[];
  /** Soft-deletes a user, so the next delta query reports it removed. */
  deleteUser(tenant: string, userId: string): void;
  stop(): Promise<void>;
}

interface IssuedToken {
  readonly tenant: string;
  readonly expires: number;
}

/**
 * A Microsoft Entra ID stand-in: an OpenID/OAuth login server for msal's client-credentials
 * flow and a Microsoft Graph v1.0 server, both HTTPS on 127.0.0.1 with a throw-away CA.
 */
export async function startEntraEmulator(options: EntraEmulatorOptions): Promise<EntraEmulator> {
  const certificates = await createTestCertificates();
  const directories = new Map(
    options.tenants.map((tenant) => [tenant.id.toLowerCase(), new TenantDirectory(tenant)]),
  );
  const tokens = new Map<string, IssuedToken>();
  const requests: EmulatorRequest[] = [];
  const throttle = throttler(options.throttle);
  const faultsLeft = (options.faults ?? []).map((fault) => ({
    ...fault,
    left: fault.times ?? Number.POSITIVE_INFINITY,
  }));
  const injectFault = (pathAndQuery: string): number | null => {
    const decoded = decodeURIComponent(pathAndQuery);
    const fault = faultsLeft.find(
      (candidate) => candidate.left > 0 && decoded.includes(candidate.urlIncludes),
    );
    if (!fault) {
      return null;
    }
    fault.left -= 1;
    return fault.status;
  };
  const tls = { key: certificates.keyPem, cert: certificates.certPem };
  let loginOrigin = '';
  let graphOrigin = '';

  const respond = async (
    server: EmulatorRequest['server'],
    request: IncomingMessage,
    response: ServerResponse,
    answer: (body: string) => GraphResponse & { tenant: string | null; headers?: object },
  ): Promise<void> => {
    const body = await readBody(request);
    const result = answer(body);
    if (options.latencyMs) {
      await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    }
    requests.push({
      server,
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      status: result.status,
      tenant: result.tenant,
    });
    response.writeHead(result.status, {
      'content-type': 'application/json; charset=utf-8',
      ...result.headers,
    });
    response.end(JSON.stringify(result.body));
  };

  const login = createServer(tls, (request, response) => {
    void respond('login', request, response, (body) =>
      loginAnswer(request, body, loginOrigin, graphOrigin, directories, tokens, options),
    );
  });
  const graph = createServer(tls, (request, response) => {
    void respond('graph', request, response, (body) => {
      const url = new URL(request.url ?? '/', graphOrigin);
      const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      const issued = token === undefined ? undefined : tokens.get(token);
      if (!issued || issued.expires < Date.now()) {
        const answer = error(
          401,
          'InvalidAuthenticationToken',
          'Access token is empty or invalid.',
        );
        return { ...answer, tenant: null };
      }
      const directory = directories.get(issued.tenant);
      if (!directory) {
        return { ...error(404, 'Request_ResourceNotFound', 'No tenant.'), tenant: null };
      }
      const one = (target: URL, headers: IncomingMessage['headers']): GraphAnswer => {
        const fault = injectFault(`${target.pathname}${target.search}`);
        if (fault !== null) {
          return error(
            fault,
            fault === 503 ? 'ServiceUnavailable' : 'InternalServerError',
            'Injected fault.',
          );
        }
        const retryAfter = throttle();
        if (retryAfter !== null) {
          const answer = error(429, 'TooManyRequests', 'Too many requests; retry later.');
          return { ...answer, headers: { 'retry-after': String(retryAfter) } };
        }
        return directory.get(target, headers);
      };
      if (request.method === 'POST' && url.pathname === '/v1.0/$batch') {
        const inner = (target: URL, headers: IncomingMessage['headers']): GraphAnswer => {
          const answer = one(target, headers);
          const path = `${target.pathname}${target.search}`;
          requests.push({
            server: 'graph',
            method: 'GET',
            url: path,
            status: answer.status,
            tenant: issued.tenant,
            inBatch: true,
          });
          return answer;
        };
        return { ...batch(body, graphOrigin, inner), tenant: issued.tenant };
      }
      if (request.method !== 'GET') {
        return { ...error(405, 'Request_BadRequest', 'Only GET.'), tenant: issued.tenant };
      }
      return { ...one(url, request.headers), tenant: issued.tenant };
    });
  });
  loginOrigin = await listen(login);
  graphOrigin = await listen(graph);

  return {
    url: loginOrigin,
    authorityHost: new URL(loginOrigin).host,
    graphUrl: graphOrigin,
    caPem: certificates.caPem,
    requests,
    deleteUser: (tenant, userId) => {
      const directory = directories.get(tenant.toLowerCase());
      if (!directory) {
        throw new Error(`No tenant ${tenant}`);
      }
      directory.deleteUser(userId);
    },
    stop: async () => {
      await Promise.all([close(login), close(graph)]);
    },
  };
}

type GraphAnswer = GraphResponse & { readonly headers?: Readonly<Record<string, string>> };

/** Graph's JSON batching: up to 20 GETs in one POST, each answered (and throttled) on its own. */
function batch(
  body: string,
  graphOrigin: string,
  one: (url: URL, headers: IncomingMessage['headers']) => GraphAnswer,
): GraphAnswer {
  let parsed: { requests?: { id?: unknown; method?: unknown; url?: unknown; headers?: unknown }[] };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return error(400, 'BadRequest', 'Invalid batch payload.');
  }
  const requests = parsed.requests ?? [];
  if (requests.length === 0 || requests.length > 20) {
    return error(400, 'BadRequest', 'A batch holds 1 to 20 requests.');
  }
  const responses = requests.map((inner) => {
    const id = String(inner.id);
    if (inner.method !== 'GET' || typeof inner.url !== 'string' || !inner.url.startsWith('/')) {
      return { id, status: 400, body: error(400, 'BadRequest', 'Only relative GETs.').body };
    }
    const answer = one(
      new URL(`/v1.0${inner.url}`, graphOrigin),
      (inner.headers ?? {}) as IncomingMessage['headers'],
    );
    return { id, status: answer.status, headers: answer.headers ?? {}, body: answer.body };
  });
  return { status: 200, body: { responses } };
}

/** The login server: OpenID discovery and the client-credentials token endpoint. */
function loginAnswer(
  request: IncomingMessage,
  body: string,
  origin: string,
  graphOrigin: string,
  directories: ReadonlyMap<string, TenantDirectory>,
  tokens: Map<string, IssuedToken>,
  options: EntraEmulatorOptions,
): GraphResponse & { tenant: string | null } {
  const url = new URL(request.url ?? '/', origin);
  const match =
    /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token)$/.exec(
      url.pathname,
    );
  const tenantId = decodeURIComponent(match?.[1] ?? '').toLowerCase();
  const directory = directories.get(tenantId);
  if (!match || !directory) {
    const description = `AADSTS90002: Tenant '${tenantId}' not found.`;
    return { status: 400, body: oauthError('invalid_tenant', description), tenant: null };
  }
  const authority = `${origin}/${match[1]}`;
  if (match[2]?.startsWith('v2.0')) {
    return {
      status: 200,
      body: {
        issuer: `${authority}/v2.0`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        jwks_uri: `${authority}/discovery/v2.0/keys`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        response_types_supported: ['code', 'id_token', 'token'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      },
      tenant: tenantId,
    };
  }
  const form = new URLSearchParams(body);
  const app = directory.tenant.applications.find(
    (candidate) => candidate.clientId === form.get('client_id'),
  );
  if (request.method !== 'POST' || form.get('grant_type') !== 'client_credentials') {
    return {
      status: 400,
      body: oauthError('unsupported_grant_type', 'AADSTS70003: Only client_credentials.'),
      tenant: tenantId,
    };
  }
  if (!app) {
    const description = `AADSTS700016: Application with identifier '${form.get('client_id')}' was not found in the directory '${tenantId}'.`;
    return { status: 400, body: oauthError('unauthorized_client', description), tenant: tenantId };
  }
  if (app.clientSecret !== form.get('client_secret')) {
    const description = `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`;
    return { status: 401, body: oauthError('invalid_client', description), tenant: tenantId };
  }
  if (form.get('scope') !== `${graphOrigin}/.default`) {
    const description = `AADSTS70011: The provided value for the input parameter 'scope' is not valid. The scope ${form.get('scope')} is not valid.`;
    return { status: 400, body: oauthError('invalid_scope', description), tenant: tenantId };
  }
  const accessToken = randomBytes(24).toString('base64url');
  const lifetime = options.tokenLifetimeSeconds ?? 3600;
  tokens.set(accessToken, { tenant: tenantId, expires: Date.now() + lifetime * 1000 });
  return {
    status: 200,
    body: { token_type: 'Bearer', expires_in: lifetime, access_token: accessToken },
    tenant: tenantId,
  };
}

function oauthError(code: string, description: string): object {
  return {
    error: code,
    error_description: `${description}\r\nTrace ID: ${randomBytes(8).toString('hex')}\r\nTimestamp: ${new Date().toISOString()}`,
    error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)],
  };
}

/** A fixed-window limiter: null lets a request through, else the seconds to wait. */
function throttler(throttle: EntraThrottle | undefined): () => number | null {
  if (!throttle) {
    return () => null;
  }
  const windowMs = throttle.windowMs ?? 1000;
  let windowStart = Date.now();
  let count = 0;
  return () => {
    const now = Date.now();
    if (now - windowStart >= windowMs) {
      windowStart = now;
      count = 0;
    }
    count += 1;
    if (count <= throttle.burst) {
      return null;
    }
    return Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve(`https://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

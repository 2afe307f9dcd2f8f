import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

import { FaultError, FaultQueue, RATE_LIMIT_BODY, validateFault } from './faults';
import type { Fault, RouteName } from './faults';
import { isFormContentType, issueToken, ORGANIZATION_SCOPE } from './identity';
import { runImport } from './import-command';
import { signJwt, verifyJwt, type JwtClaims } from './jwt';
import { groupMemberIds, listGroups, listMembers } from './public-api';
import { ApiError, publicError, UNHANDLED_ERROR_MESSAGE } from './public-error';
import { flattenHeaders, type RecordedRequest } from './request-log';
import { validateSeed, type Seed } from './seed';
import {
  ServerState,
  snapshotOrganization,
  type Organization,
  type OrganizationSnapshot,
} from './state';
import { parseImportRequest } from './validation';

export interface BitwardenServerOptions {
  seed: Seed;
  /** Default 0: pick a free port. */
  port?: number;
  /** Default 127.0.0.1. Only loopback addresses are accepted. */
  host?: string;
  /** Default 3600, like the real organization client. */
  tokenLifetimeSeconds?: number;
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Default 30,000,000 (Kestrel's default); larger bodies get 413. */
  bodyLimitBytes?: number;
  /** When set, list endpoints page with `continuationToken`; the real server does not page. */
  pageSize?: number;
}

export interface RunningBitwardenServer {
  /** e.g. `http://127.0.0.1:41234`: lower-case host, no trailing slash. */
  readonly url: string;
  readonly identityUrl: string;
  readonly apiUrl: string;
  /** Every request, in arrival order, faulted ones included. */
  readonly requests: readonly RecordedRequest[];
  injectFault(fault: Fault): void;
  clearFaults(): void;
  organization(id: string): OrganizationSnapshot;
  /** Signs arbitrary claims with this server's key, to build expired or wrong-scope tokens. */
  signToken(claims: JwtClaims): string;
  stop(): Promise<void>;
}

type Route =
  | { name: RouteName; organizationGroupId?: string }
  | { name: 'inspect-organization'; organizationId: string }
  | { name: 'faults' }
  | { name: 'not-found' };

class BodyTooLarge extends Error {}

const LOOPBACK_HOSTS = /^(127(\.\d{1,3}){3}|::1|localhost)$/i;

function resolveRoute(pathname: string): Route {
  const path = pathname.toLowerCase();
  if (path === '/connect/token' || path === '/identity/connect/token') {
    return { name: 'token' };
  }
  const inspect = /^\/__emulator\/organizations\/([^/]+)$/.exec(pathname);
  if (inspect?.[1] !== undefined) {
    return { name: 'inspect-organization', organizationId: decodeURIComponent(inspect[1]) };
  }
  if (path === '/__emulator/faults') {
    return { name: 'faults' };
  }
  // The cloud layout serves the Public API at the root, the self-hosted one under /api.
  const api = path.startsWith('/api/') ? pathname.slice(4) : pathname;
  const apiLower = api.toLowerCase();
  if (apiLower === '/public/organization/import') {
    return { name: 'import' };
  }
  if (apiLower === '/public/members') {
    return { name: 'members' };
  }
  if (apiLower === '/public/groups') {
    return { name: 'groups' };
  }
  const memberIds = /^\/public\/groups\/([^/]+)\/member-ids$/i.exec(api);
  if (memberIds?.[1] !== undefined) {
    return { name: 'group-member-ids', organizationGroupId: decodeURIComponent(memberIds[1]) };
  }
  return { name: 'not-found' };
}

function isJsonContentType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    mediaType === 'application/json' ||
    mediaType === 'text/json' ||
    /^application\/[^/]+\+json$/.test(mediaType)
  );
}

function formatUrlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host.toLowerCase();
}

class BitwardenServer implements RunningBitwardenServer {
  readonly url: string;
  readonly identityUrl: string;
  readonly apiUrl: string;
  private readonly log: RecordedRequest[] = [];
  private readonly faults = new FaultQueue();
  private readonly secret = randomBytes(32);
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly state: ServerState;

  constructor(
    private readonly server: http.Server,
    private readonly options: BitwardenServerOptions,
    url: string,
  ) {
    this.state = new ServerState(options.seed);
    this.url = url;
    this.identityUrl = `${url}/identity`;
    this.apiUrl = `${url}/api`;
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
      this.handle(request, response).catch(() => {
        if (!response.headersSent) {
          response.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
          response.end(JSON.stringify(publicError(UNHANDLED_ERROR_MESSAGE)));
        }
      });
    });
  }

  get requests(): readonly RecordedRequest[] {
    return this.log;
  }

  injectFault(fault: Fault): void {
    this.faults.inject(validateFault(fault));
  }

  clearFaults(): void {
    this.faults.clear();
  }

  organization(id: string): OrganizationSnapshot {
    const organization = this.state.find(id);
    if (organization === undefined) {
      throw new Error(`No organization ${id} on this server`);
    }
    return snapshotOrganization(organization);
  }

  signToken(claims: JwtClaims): string {
    return signJwt(claims, this.secret);
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
    const closed = new Promise<void>((resolve) => {
      this.server.close(() => resolve());
    });
    this.server.closeAllConnections();
    for (const socket of this.sockets) {
      socket.destroy();
    }
    await closed;
  }

  private get bodyLimit(): number {
    return this.options.bodyLimitBytes ?? 30_000_000;
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private async handle(
    request: http.IncomingMessage,
    response: http.ServerResponse,
  ): Promise<void> {
    const record: RecordedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      headers: flattenHeaders(request.headers),
      bodySize: 0,
      body: '',
      status: 0,
    };
    this.log.push(record);
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      if (body === undefined) {
        response.writeHead(status, { 'Content-Length': '0', ...headers });
        response.end();
        return;
      }
      const text = JSON.stringify(body);
      response.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String(Buffer.byteLength(text)),
        ...headers,
      });
      response.end(text);
    };

    const url = new URL(request.url ?? '/', 'http://emulator');
    const route = resolveRoute(url.pathname);
    if (
      route.name === 'token' ||
      route.name === 'import' ||
      route.name === 'members' ||
      route.name === 'groups' ||
      route.name === 'group-member-ids'
    ) {
      const fault = this.faults.take(route.name);
      if (fault !== undefined) {
        if (fault.kind === 'drop') {
          request.socket.destroy();
          return;
        }
        if (fault.kind === 'status') {
          this.sendFault(fault.status, fault.retryAfterSeconds, send);
          return;
        }
        await this.delay(fault.ms);
      }
    }

    try {
      await this.dispatch(route, request, url, record, send);
    } catch (error) {
      if (error instanceof ApiError) {
        send(error.status, error.body);
      } else if (error instanceof BodyTooLarge) {
        send(
          413,
          publicError(
            `Request body too large. The max request body size is ${this.bodyLimit} bytes.`,
          ),
        );
      } else {
        send(500, publicError(UNHANDLED_ERROR_MESSAGE));
      }
    }
  }

  private sendFault(
    status: number,
    retryAfterSeconds: number | undefined,
    send: (status: number, body?: unknown, headers?: Record<string, string>) => void,
  ): void {
    const headers: Record<string, string> =
      retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) };
    if (status === 429) {
      send(429, RATE_LIMIT_BODY, { 'Retry-After': String(retryAfterSeconds ?? 60), ...headers });
    } else if (status === 401) {
      send(401, undefined, { 'WWW-Authenticate': 'Bearer', ...headers });
    } else if (status >= 500) {
      send(status, publicError(UNHANDLED_ERROR_MESSAGE), headers);
    } else if (status === 200 || status === 204 || status === 304) {
      send(status, undefined, headers);
    } else {
      send(status, publicError(`Injected fault: HTTP ${status}.`), headers);
    }
  }

  private async readBody(request: http.IncomingMessage, record: RecordedRequest): Promise<string> {
    const limit = this.bodyLimit;
    const declared = Number(request.headers['content-length'] ?? '0');
    if (declared > limit) {
      request.resume();
      throw new BodyTooLarge();
    }
    // Decoded piece by piece: joining tens of megabytes into one buffer and then one string cost
    // more than parsing them.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    let body = '';
    let size = 0;
    for await (const chunk of request) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      record.bodySize = size;
      if (size > limit) {
        // Keep draining so the client can finish sending and read the 413.
        request.resume();
        throw new BodyTooLarge();
      }
      body += decoder.decode(buffer, { stream: true });
    }
    record.body = body + decoder.decode();
    return record.body;
  }

  /** JwtBearer, then the `Organization` policy (scope), then the org from `client_sub`. */
  private authenticate(
    request: http.IncomingMessage,
    send: (status: number, body?: unknown, headers?: Record<string, string>) => void,
  ): { organization: Organization | undefined } | null {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined) {
      send(401, undefined, { 'WWW-Authenticate': 'Bearer' });
      return null;
    }
    const claims = verifyJwt(match[1], {
      secret: this.secret,
      issuer: this.identityUrl,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    if (claims === null) {
      send(401, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      return null;
    }
    const scope = claims['scope'];
    const scopes = Array.isArray(scope) ? scope : typeof scope === 'string' ? scope.split(' ') : [];
    if (!scopes.includes(ORGANIZATION_SCOPE)) {
      send(403);
      return null;
    }
    const subject = claims['client_sub'];
    return {
      organization: typeof subject === 'string' ? this.state.find(subject) : undefined,
    };
  }

  private async dispatch(
    route: Route,
    request: http.IncomingMessage,
    url: URL,
    record: RecordedRequest,
    send: (status: number, body?: unknown, headers?: Record<string, string>) => void,
  ): Promise<void> {
    const method = request.method ?? '';
    switch (route.name) {
      case 'not-found':
        send(404);
        return;
      case 'inspect-organization': {
        if (method !== 'GET') {
          send(405, undefined, { Allow: 'GET' });
          return;
        }
        const organization = this.state.find(route.organizationId);
        if (organization === undefined) {
          throw ApiError.notFound();
        }
        send(200, snapshotOrganization(organization));
        return;
      }
      case 'faults':
        if (method === 'DELETE') {
          this.faults.clear();
          send(204);
        } else if (method === 'POST') {
          const body = await this.readBody(request, record);
          try {
            this.faults.inject(validateFault(JSON.parse(body) as unknown));
          } catch (error) {
            const message = error instanceof FaultError ? error.message : 'body must be JSON';
            throw ApiError.badRequest(`Invalid fault: ${message}`);
          }
          send(204);
        } else {
          send(405, undefined, { Allow: 'POST, DELETE' });
        }
        return;
      case 'token': {
        if (method !== 'POST') {
          send(405, undefined, { Allow: 'POST' });
          return;
        }
        const body = await this.readBody(request, record);
        if (!isFormContentType(request.headers['content-type'])) {
          send(400, { error: 'invalid_request' });
          return;
        }
        const result = issueToken(new URLSearchParams(body), {
          state: this.state,
          secret: this.secret,
          issuer: this.identityUrl,
          lifetimeSeconds: this.options.tokenLifetimeSeconds ?? 3600,
          nowSeconds: Math.floor(Date.now() / 1000),
        });
        send(result.status, result.body, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
        return;
      }
      case 'import': {
        if (method !== 'POST') {
          send(405, undefined, { Allow: 'POST' });
          return;
        }
        const auth = this.authenticate(request, send);
        if (auth === null) {
          return;
        }
        if (!isJsonContentType(request.headers['content-type'])) {
          send(415, {
            type: 'https://tools.ietf.org/html/rfc9110#section-15.5.16',
            title: 'Unsupported Media Type',
            status: 415,
          });
          return;
        }
        const model = parseImportRequest(await this.readBody(request, record));
        runImport(auth.organization, model);
        send(200);
        return;
      }
      case 'members':
      case 'groups':
      case 'group-member-ids': {
        if (method !== 'GET') {
          send(405, undefined, { Allow: 'GET' });
          return;
        }
        const auth = this.authenticate(request, send);
        if (auth === null) {
          return;
        }
        if (auth.organization === undefined) {
          throw ApiError.notFound();
        }
        const token = url.searchParams.get('continuationToken');
        if (route.name === 'members') {
          send(200, listMembers(auth.organization, this.options.pageSize, token));
        } else if (route.name === 'groups') {
          send(200, listGroups(auth.organization, this.options.pageSize, token));
        } else {
          send(200, groupMemberIds(auth.organization, route.organizationGroupId ?? ''));
        }
        return;
      }
    }
  }
}

export async function startBitwardenServer(
  options: BitwardenServerOptions,
): Promise<RunningBitwardenServer> {
  validateSeed(options.seed);
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK_HOSTS.test(host)) {
    throw new Error(`host must be a loopback address, got ${host}`);
  }
  if (
    options.pageSize !== undefined &&
    (!Number.isInteger(options.pageSize) || options.pageSize < 1)
  ) {
    throw new Error('pageSize must be a positive integer');
  }
  const server = options.tls === undefined ? http.createServer() : https.createServer(options.tls);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const scheme = options.tls === undefined ? 'http' : 'https';
  return new BitwardenServer(server, options, `${scheme}://${formatUrlHost(host)}:${port}`);
}

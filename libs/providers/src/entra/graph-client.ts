import { EntraError, connectionFailure, graphFailure } from './entra-error';
import type { EntraTokenSource } from './entra-token';
import { isRetryableStatus, retryDelayMs, type GraphRetryPolicy } from './graph-retry';
import type { HttpsTransport } from '../shared/https-transport';

/** One page of a Graph collection. */
export interface GraphPage<T> {
  readonly value?: readonly T[];
  readonly '@odata.nextLink'?: string;
  readonly '@odata.deltaLink'?: string;
}

/** A whole collection, every page of it, and the deltaLink its last page gave (delta queries). */
export interface GraphCollection<T> {
  readonly items: T[];
  readonly deltaLink: string | null;
}

/** One inner answer of a `$batch`. */
export interface BatchAnswer {
  readonly id: string;
  /** 0 when the batch's answer left this request out. */
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * Microsoft Graph v1.0 GETs on one cloud's Graph host: bearer token, retries on throttling and
 * transient failures, and `@odata.nextLink` paging. A page that still fails after the retries
 * fails the read; it never returns a part of a collection.
 */
export class GraphClient {
  /** Graph requests sent, retries included; for the run log and benchmarks. */
  requestCount = 0;

  constructor(
    private readonly graphUrl: string,
    readonly tenant: string,
    private readonly tokens: EntraTokenSource,
    private readonly transport: HttpsTransport,
    private readonly retry: GraphRetryPolicy,
    private readonly signal?: AbortSignal,
  ) {}

  /** Every item of a collection; `pathOrUrl` is `/users?...` or a link Graph gave. */
  async all<T>(
    pathOrUrl: string,
    headers: Readonly<Record<string, string>> = {},
    onPage?: (items: readonly T[]) => void,
  ): Promise<GraphCollection<T>> {
    const items: T[] = [];
    let next: string | undefined = pathOrUrl;
    let deltaLink: string | null = null;
    while (next !== undefined) {
      const page: GraphPage<T> = await this.get<GraphPage<T>>(next, headers);
      const value = page.value ?? [];
      for (const item of value) {
        items.push(item);
      }
      onPage?.(value);
      next = page['@odata.nextLink'];
      deltaLink = page['@odata.deltaLink'] ?? deltaLink;
    }
    return { items, deltaLink };
  }

  async get<T>(pathOrUrl: string, headers: Readonly<Record<string, string>> = {}): Promise<T> {
    const url = this.resolve(pathOrUrl);
    return this.send<T>('GET', url, `GET ${new URL(url).pathname}`, headers);
  }

  /**
   * Graph's JSON batching: up to 20 GETs (paths below `/v1.0`) in one request. The batch itself
   * is retried like any call; each inner answer comes back as Graph gave it, for the caller to
   * retry or fail on its own.
   */
  async batch(paths: readonly string[]): Promise<BatchAnswer[]> {
    const requests = paths.map((path, index) => ({ id: String(index), method: 'GET', url: path }));
    const answer = await this.send<{ responses?: BatchAnswer[] }>(
      'POST',
      `${this.graphUrl}/v1.0/$batch`,
      'POST /v1.0/$batch',
      { 'content-type': 'application/json' },
      JSON.stringify({ requests }),
    );
    const byId = new Map((answer.responses ?? []).map((response) => [response.id, response]));
    return requests.map(
      (request) =>
        byId.get(request.id) ?? { id: request.id, status: 0, headers: {}, body: undefined },
    );
  }

  private async send<T>(
    method: 'GET' | 'POST',
    url: string,
    call: string,
    headers: Readonly<Record<string, string>>,
    body?: string,
  ): Promise<T> {
    let renewed = false;
    for (let attempt = 1; ; attempt += 1) {
      this.signal?.throwIfAborted();
      const token = await this.tokens.token();
      let response;
      try {
        this.requestCount += 1;
        response = await this.transport.request(
          method,
          url,
          { ...headers, authorization: `Bearer ${token}`, accept: 'application/json' },
          body,
          this.signal,
        );
      } catch (error) {
        const failure = connectionFailure(error, this.tenant, call);
        if (failure.code !== 'ENTRA_UNREACHABLE' || attempt >= this.retry.maxAttempts) {
          throw failure;
        }
        await this.retry.sleep(retryDelayMs(undefined, attempt, this.retry), this.signal);
        continue;
      }
      if (response.status >= 200 && response.status < 300) {
        return this.parse<T>(response.body, call);
      }
      if (response.status === 401 && !renewed) {
        // A token can be revoked or expire early; one fresh token is worth a try.
        renewed = true;
        await this.tokens.token(true);
        continue;
      }
      if (!isRetryableStatus(response.status) || attempt >= this.retry.maxAttempts) {
        throw graphFailure(response.status, response.body, this.tenant, call);
      }
      const delay = retryDelayMs(response.headers['retry-after'], attempt, this.retry);
      await this.retry.sleep(delay, this.signal);
    }
  }

  /**
   * A path goes below `<graph>/v1.0`; a link Graph gave (nextLink, a stored deltaLink) must be on
   * the same Graph origin, so a token is never sent to another host (or a test's link replayed
   * against production, or a government tenant's read sent to the public cloud).
   */
  private resolve(pathOrUrl: string): string {
    if (pathOrUrl.startsWith('/')) {
      return `${this.graphUrl}/v1.0${pathOrUrl}`;
    }
    const origin = new URL(this.graphUrl).origin;
    let target: URL;
    try {
      target = new URL(pathOrUrl);
    } catch {
      target = new URL('invalid:');
    }
    if (target.origin !== origin) {
      throw new EntraError(
        'ENTRA_READ_FAILED',
        `A Graph link for tenant ${this.tenant} points at ${target.origin}, not at the configured Graph ${origin}.`,
        'Run a full sync (it starts a new delta query), and check entra.graphUrl.',
        { tenant: this.tenant, call: `GET ${target.origin}` },
      );
    }
    return target.toString();
  }

  private parse<T>(body: string, call: string): T {
    try {
      return JSON.parse(body) as T;
    } catch (error) {
      throw new EntraError(
        'ENTRA_READ_FAILED',
        `Microsoft Graph answered ${call} for tenant ${this.tenant} with something that is not JSON.`,
        'A proxy may be rewriting the answer; check the network path to Graph.',
        { tenant: this.tenant, call },
        { cause: error },
      );
    }
  }
}

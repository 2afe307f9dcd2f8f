import type { ImportRequest } from '../model/import-request';
import { systemClock, type Clock } from '../ports/clock';
import { accessTokenFrom, needsRefresh, type AccessToken } from './access-token';
import { BitwardenError, ImportBatchError } from './bitwarden-error';
import { clientHeaders, type ClientDevice } from './client-device';
import { nodeHttpTransport, type HttpResponse, type HttpTransport } from './http-transport';
import { organizationIdOf, type OrganizationApiKey } from './organization-api-key';
import { RecycledBodies } from './recycled-bodies';
import {
  memberStatusOf,
  memberTypeOf,
  type OrganizationGroup,
  type OrganizationMember,
} from './organization-model';
import { errorFromResponse, type BitwardenOperation } from './response-error';
import {
  DEFAULT_RETRY_POLICY,
  realRetryEnvironment,
  withRetry,
  type RetryEnvironment,
  type RetryPolicy,
} from './retry-policy';
import { assertCanonicalUrl, type ServerUrls } from './server-urls';

export interface BitwardenClientOptions {
  readonly urls: ServerUrls;
  readonly apiKey: OrganizationApiKey;
  readonly device: ClientDevice;
  readonly clock?: Clock;
  readonly transport?: HttpTransport;
  readonly retryPolicy?: RetryPolicy;
  readonly retryEnvironment?: RetryEnvironment;
  /** Per HTTP request; an import of thousands of members can take minutes on a busy server. */
  readonly timeoutMs?: number;
}

export interface ImportProgress {
  /** 1-based number of the request just accepted. */
  readonly request: number;
  readonly total: number;
}

const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Talks to the Bitwarden server as the organization: logs in with the organization API key,
 * keeps the access token fresh, posts imports (retrying throttling and server errors) and reads
 * the organization's members and groups.
 */
export class BitwardenClient {
  readonly organizationId: string;
  private readonly clock: Clock;
  private readonly transport: HttpTransport;
  private readonly retryPolicy: RetryPolicy;
  private readonly retryEnvironment: RetryEnvironment;
  private readonly timeoutMs: number;
  private token: AccessToken | null = null;

  constructor(private readonly options: BitwardenClientOptions) {
    this.organizationId = organizationIdOf(options.apiKey.clientId);
    this.clock = options.clock ?? systemClock;
    this.transport = options.transport ?? nodeHttpTransport();
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    this.retryEnvironment = options.retryEnvironment ?? realRetryEnvironment;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Logs in now, whatever token is held: the way to check an API key. */
  async login(): Promise<void> {
    await withRetry(() => this.renewToken(), this.retryPolicy, this.retryEnvironment);
  }

  /**
   * Posts the requests one after another, each only after the previous one was accepted; the
   * next body is built while the server handles the current request. `onBody` sees each body,
   * in order, once, as it is built (the sync hashes them for its fingerprint).
   *
   * @throws BitwardenError when a single request fails.
   * @throws ImportBatchError when one of several fails, naming it and what was applied before.
   */
  async importRequests(
    requests: readonly ImportRequest[],
    onProgress: (progress: ImportProgress) => void = () => undefined,
    onBody?: (pieces: readonly Buffer[]) => void,
  ): Promise<void> {
    const url = this.apiUrl('/public/organization/import');
    const bodies = new RecycledBodies();
    const bodyOf = (request: ImportRequest): Buffer[] => {
      const pieces = bodies.build(request);
      onBody?.(pieces);
      return pieces;
    };
    let body = requests.length === 0 ? [] : bodyOf(requests[0] as ImportRequest);
    for (let index = 0; index < requests.length; index += 1) {
      const following = requests[index + 1];
      const sent = body;
      try {
        let wasWritten = false;
        let onWritten = (): void => undefined;
        const bodyWritten = new Promise<void>((resolve) => {
          onWritten = () => {
            wasWritten = true;
            resolve();
          };
        });
        const sending = this.send(
          'import',
          'POST',
          url,
          { 'Content-Type': 'application/json; charset=utf-8' },
          sent,
          onWritten,
        );
        if (following !== undefined) {
          // Build the next body while the server works on this one, but only once this one is
          // out: building blocks the event loop, which would stall the rest of a large upload.
          const settled = sending.then(
            () => undefined,
            () => undefined,
          );
          await Promise.race([bodyWritten, settled]);
          body = bodyOf(following);
        }
        await sending;
        // Written and answered: the server has every byte, so its buffers can carry the next body.
        if (wasWritten) {
          bodies.recycle(sent);
        }
      } catch (error) {
        if (requests.length > 1 && error instanceof BitwardenError) {
          throw new ImportBatchError(index + 1, requests.length, error);
        }
        throw error;
      }
      onProgress({ request: index + 1, total: requests.length });
    }
  }

  async listMembers(): Promise<OrganizationMember[]> {
    const items = await this.listAll('/public/members');
    return items.map((item) => {
      const type = memberTypeOf(Number(item['type']));
      const status = memberStatusOf(Number(item['status']));
      if (typeof item['id'] !== 'string' || type === undefined || status === undefined) {
        throw unexpected('a member without an id, type or status');
      }
      return {
        id: item['id'],
        email: typeof item['email'] === 'string' ? item['email'] : '',
        externalId: typeof item['externalId'] === 'string' ? item['externalId'] : null,
        type,
        status,
      };
    });
  }

  async listGroups(): Promise<OrganizationGroup[]> {
    const items = await this.listAll('/public/groups');
    return items.map((item) => {
      if (typeof item['id'] !== 'string' || typeof item['name'] !== 'string') {
        throw unexpected('a group without an id or name');
      }
      return {
        id: item['id'],
        name: item['name'],
        externalId: typeof item['externalId'] === 'string' ? item['externalId'] : null,
      };
    });
  }

  async groupMemberIds(groupId: string): Promise<string[]> {
    const url = this.apiUrl(`/public/groups/${encodeURIComponent(groupId)}/member-ids`);
    const ids = parseJson(await this.send('read', 'GET', url, {}));
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
      throw unexpected('member ids that are not a list of strings');
    }
    return ids;
  }

  /** Follows `continuationToken` until the server has given every page. */
  private async listAll(path: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let continuation: string | null = null;
    do {
      const query: string =
        continuation === null ? '' : `?continuationToken=${encodeURIComponent(continuation)}`;
      const page = parseJson(await this.send('read', 'GET', this.apiUrl(`${path}${query}`), {}));
      const { data, continuationToken } = (page ?? {}) as {
        data?: unknown;
        continuationToken?: unknown;
      };
      if (!Array.isArray(data)) {
        throw unexpected(`a list response without data from ${path}`);
      }
      items.push(...(data as Record<string, unknown>[]));
      continuation =
        typeof continuationToken === 'string' && continuationToken !== ''
          ? continuationToken
          : null;
    } while (continuation !== null);
    return items;
  }

  /** An authenticated call, retried when transient; a rejected token is renewed once. */
  private async send(
    operation: BitwardenOperation,
    method: 'GET' | 'POST',
    url: URL,
    headers: Record<string, string>,
    body?: readonly Buffer[],
    onWritten?: () => void,
  ): Promise<HttpResponse> {
    return withRetry(
      async () => {
        // Token renewal runs inside this retry loop, not a loop of its own, so attempts add up
        // instead of multiplying.
        const renewed = needsRefresh(this.token, this.clock.now());
        if (renewed) {
          await this.renewToken();
        }
        let response = await this.authorized(method, url, headers, body, onWritten);
        if (response.status === 401 && !renewed) {
          await this.renewToken();
          response = await this.authorized(method, url, headers, body, onWritten);
        }
        if (response.status !== 200) {
          throw errorFromResponse(response, operation, this.clock.now());
        }
        return response;
      },
      this.retryPolicy,
      this.retryEnvironment,
    );
  }

  private authorized(
    method: 'GET' | 'POST',
    url: URL,
    headers: Record<string, string>,
    body?: readonly Buffer[],
    onWritten?: () => void,
  ): Promise<HttpResponse> {
    return this.transport.send({
      method,
      url,
      headers: {
        ...clientHeaders(this.options.device),
        ...headers,
        Authorization: `Bearer ${this.token?.value ?? ''}`,
        ...(method === 'GET' ? { 'Cache-Control': 'no-store', Pragma: 'no-cache' } : {}),
      },
      ...(body ? { body } : {}),
      ...(onWritten ? { onWritten } : {}),
      timeoutMs: this.timeoutMs,
    });
  }

  private async renewToken(): Promise<void> {
    this.token = null;
    this.token = await this.requestToken();
  }

  private async requestToken(): Promise<AccessToken> {
    const { apiKey, device } = this.options;
    // Field order as upstream emits them.
    const form = new URLSearchParams({
      scope: 'api.organization',
      client_id: apiKey.clientId,
      deviceType: String(device.type),
      deviceIdentifier: device.identifier,
      deviceName: device.name,
      grant_type: 'client_credentials',
      client_secret: apiKey.clientSecret,
    });
    const response = await this.transport.send({
      method: 'POST',
      url: assertCanonicalUrl(`${this.options.urls.identityUrl}/connect/token`),
      headers: {
        ...clientHeaders(device),
        'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
        Accept: 'application/json',
      },
      body: [Buffer.from(form.toString(), 'utf8')],
      timeoutMs: this.timeoutMs,
    });
    if (response.status !== 200) {
      throw errorFromResponse(response, 'login', this.clock.now());
    }
    const accessToken = (parseJson(response) as { access_token?: unknown } | null)?.access_token;
    if (typeof accessToken !== 'string' || accessToken.split('.').length !== 3) {
      throw unexpected('a token response without an access token');
    }
    return accessTokenFrom(accessToken);
  }

  private apiUrl(path: string): URL {
    return assertCanonicalUrl(`${this.options.urls.apiUrl}${path}`);
  }
}

function parseJson(response: HttpResponse): unknown {
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    throw unexpected('a body that is not JSON');
  }
}

function unexpected(what: string): BitwardenError {
  return new BitwardenError(
    'UNEXPECTED_RESPONSE',
    `The Bitwarden server sent ${what}.`,
    'Check that the server URL points at a Bitwarden server and that it is up to date.',
  );
}

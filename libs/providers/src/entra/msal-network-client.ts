import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

import type { HttpsTransport } from '../shared/https-transport';

/**
 * msal's HTTP calls (discovery, token) over our transport, so they trust the same CA and go
 * where the Graph calls go through the same agent. msal wants the body parsed.
 */
export class MsalNetworkClient implements INetworkModule {
  /** The last connection failure: msal reports only that "the network" failed, not how. */
  lastFailure: unknown = null;

  constructor(private readonly transport: HttpsTransport) {}

  sendGetRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options);
  }

  sendPostRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(
    method: 'GET' | 'POST',
    url: string,
    options: NetworkRequestOptions | undefined,
  ): Promise<NetworkResponse<T>> {
    let response;
    try {
      response = await this.transport.request(method, url, options?.headers ?? {}, options?.body);
    } catch (error) {
      this.lastFailure = error;
      throw error;
    }
    let body: unknown = {};
    try {
      body = response.body === '' ? {} : JSON.parse(response.body);
    } catch {
      body = { error: 'invalid_response', error_description: response.body.slice(0, 200) };
    }
    return { status: response.status, headers: { ...response.headers }, body: body as T };
  }
}

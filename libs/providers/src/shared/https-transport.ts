import { Agent, request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';

export interface HttpsResponse {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The HTTP client of the providers without an SDK transport of their own (Entra ID, OneLogin). */
export interface HttpsTransport {
  request(
    method: 'GET' | 'POST',
    url: string,
    headers: Readonly<Record<string, string>>,
    body?: string,
    signal?: AbortSignal,
  ): Promise<HttpsResponse>;
  close(): void;
}

export interface HttpsTransportOptions {
  /**
   * Extra CA certificates (PEM) trusted besides Node's bundled roots: a TLS-inspecting proxy's
   * CA for admins, the emulator's throw-away CA in tests. Unset, only the bundled roots.
   */
  readonly ca?: string | null;
  /** Sockets kept per host: the provider's concurrency, plus one for the token call. */
  readonly maxSockets: number;
  readonly timeoutMs?: number;
}

/**
 * node:https with a keep-alive agent, so the CA is set per provider (a test cannot set
 * `NODE_EXTRA_CA_CERTS` once Node runs) and concurrent calls reuse connections.
 */
export function httpsTransport(options: HttpsTransportOptions): HttpsTransport {
  const agent = new Agent({
    keepAlive: true,
    maxSockets: options.maxSockets,
    ...(options.ca ? { ca: [...rootCertificates, options.ca] } : {}),
  });
  const timeoutMs = options.timeoutMs ?? 100_000;
  return {
    request: (method, url, headers, body, signal) =>
      new Promise<HttpsResponse>((resolve, reject) => {
        const outgoing = httpsRequest(
          url,
          {
            method,
            agent,
            headers: {
              ...headers,
              ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
            },
            timeout: timeoutMs,
            ...(signal ? { signal } : {}),
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () => {
              const flat: Record<string, string> = {};
              for (const [name, value] of Object.entries(response.headers)) {
                if (value !== undefined) {
                  flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
                }
              }
              resolve({
                status: response.statusCode ?? 0,
                headers: flat,
                body: Buffer.concat(chunks).toString('utf8'),
              });
            });
          },
        );
        outgoing.on('timeout', () => {
          outgoing.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' }));
        });
        outgoing.on('error', reject);
        outgoing.end(body);
      }),
    close: () => agent.destroy(),
  };
}

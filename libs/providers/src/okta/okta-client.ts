import * as https from 'node:https';

import type { Client, DefaultRequestExecutor } from '@okta/okta-sdk-nodejs';

type ExecutorRequest = Parameters<DefaultRequestExecutor['fetch']>[0];

import { RateLimitGate } from './rate-limit-gate';

/** How the SDK client is built; tests point it at the emulator and trust the emulator's CA. */
export interface OktaConnection {
  /** The normalised org URL. */
  readonly orgUrl: string;
  readonly token: string;
  /** A CA certificate (PEM) to trust besides the system's (tests; a TLS-inspecting proxy). */
  readonly caPem?: string | undefined;
  /** The SDK's own retries of a 429, after `X-Rate-Limit-Reset`. */
  readonly maxRetries: number;
  readonly signal?: AbortSignal | undefined;
  /** Told each time the gate or the SDK waits for a rate-limit window. */
  readonly onWait?: ((waitMs: number, why: 'paced' | '429') => void) | undefined;
}

export interface OktaClient {
  readonly client: Client;
  close(): void;
}

/**
 * The Okta SDK's client, every request of which goes through a request executor that (1) hands
 * node-fetch an agent trusting `caPem` (the SDK has no CA option and ignores NO_PROXY), and
 * (2) waits at a {@link RateLimitGate} fed by each answer's `X-Rate-Limit-*` headers. A 429 that
 * still happens is retried by the SDK after `X-Rate-Limit-Reset`, `maxRetries` times.
 */
export async function createOktaClient(connection: OktaConnection): Promise<OktaClient> {
  // Loaded here, so commands that read no Okta org never load the SDK.
  const okta = await import('@okta/okta-sdk-nodejs');
  const agent = connection.caPem
    ? new https.Agent({ ca: connection.caPem, keepAlive: true })
    : undefined;
  const gate = new RateLimitGate(50, Date.now, (waitMs) => connection.onWait?.(waitMs, 'paced'));

  class PacedExecutor extends okta.DefaultRequestExecutor {
    override async fetch(request: ExecutorRequest) {
      const options = request as { agent?: unknown; signal?: AbortSignal };
      if (agent) {
        options.agent ??= agent;
      }
      if (connection.signal) {
        options.signal ??= connection.signal;
      }
      await gate.acquire(connection.signal);
      try {
        return await super.fetch(request);
      } catch (error) {
        gate.failed();
        throw error;
      }
    }
  }
  const executor = new PacedExecutor({ maxRetries: connection.maxRetries, requestTimeout: 0 });
  executor.on('response', (response: { headers: { get(name: string): string | null } }) =>
    gate.answered(
      response.headers.get('x-rate-limit-remaining'),
      response.headers.get('x-rate-limit-reset'),
    ),
  );
  executor.on('backoff', (_request: unknown, _response: unknown, _id: unknown, delayMs: number) =>
    connection.onWait?.(delayMs, '429'),
  );
  const client = new okta.Client({
    orgUrl: connection.orgUrl,
    token: connection.token,
    authorizationMode: 'SSWS',
    requestExecutor: executor,
    // Collections are never cached; a single-resource cache would only outlive the read.
    cacheMiddleware: null,
  });
  return { client, close: () => agent?.destroy() };
}

import type { Invoke } from './connector-client';

/**
 * The test host's transport refused a call before any handler ran (bad token, foreign origin,
 * unknown channel...). It rejects the invoke, as Electron rejects an unregistered channel; a
 * handler's own failures still arrive in the result envelope.
 */
export class HttpBridgeError extends Error {
  override readonly name = 'HttpBridgeError';
  readonly status: number;
  readonly code: string | null;

  constructor(status: number, code: string | null, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * `invoke` over the test host's loopback HTTP bridge, so `connectorClient(httpInvoke(...))` gives
 * a page served by the test host the same `ConnectorBridge` the preload gives the app's window.
 *
 * @param baseUrl the test host's URL (`startDesktopTestHost().url`).
 * @param token the host's per-start token, sent as `X-Bridge-Token` on every call.
 */
export function httpInvoke(
  baseUrl: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
): Invoke {
  return async (channel, ...args) => {
    const url = new URL(`/bridge/${encodeURIComponent(channel)}`, baseUrl);
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Bridge-Token': token },
      body: JSON.stringify({ args }),
      // The token is the only credential; nothing else of the browser's may ride along.
      credentials: 'omit',
      cache: 'no-store',
    });
    if (!response.ok) {
      throw await refusal(response);
    }
    return (await response.json()) as unknown;
  };
}

async function refusal(response: Response): Promise<HttpBridgeError> {
  const fallback = `The test host refused the call (HTTP ${response.status}).`;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = body.error ?? {};
    return new HttpBridgeError(
      response.status,
      typeof code === 'string' ? code : null,
      typeof message === 'string' ? message : fallback,
    );
  } catch {
    return new HttpBridgeError(response.status, null, fallback);
  }
}

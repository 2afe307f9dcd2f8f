import { readFile } from 'node:fs/promises';

import { findRendererFile, type RendererFileRefusal } from '../renderer-files/renderer-file';
import { CONTENT_SECURITY_POLICY } from '../window/secure-window';
import { APP_HOST } from './app-origin';

/** What `protocol.handle` hands the handler: a fetch `Request`; only these two fields matter. */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/**
 * Sent with every app:// response: the window's Content-Security-Policy (the header is what
 * Chromium enforces; the meta tag in index.html is the fallback), no MIME sniffing, no referrer.
 */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/**
 * The app:// handler for `protocol.handle`: the built renderer's files under `rendererRoot` and
 * nothing else (the same path check as the test host's), each with the CSP.
 *
 * @param rendererRoot the renderer folder's real path.
 */
export function appProtocolHandler(
  rendererRoot: string,
): (request: AppRequest) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return refusal(405, { Allow: 'GET, HEAD' });
    }
    const url = new URL(request.url);
    if (url.host !== APP_HOST) {
      return refusal(404);
    }
    // The path as sent, still percent-encoded: findRendererFile decodes and checks each segment.
    const file = await findRendererFile(rendererRoot, url.pathname);
    if (!file.found) {
      return refusal(STATUS_OF[file.refusal]);
    }
    const headers = {
      ...APP_RESPONSE_HEADERS,
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
    };
    if (request.method === 'HEAD') {
      return new Response(null, { status: 200, headers });
    }
    return new Response(await readFile(file.path), { status: 200, headers });
  };
}

const STATUS_OF: Readonly<Record<RendererFileRefusal, number>> = {
  'malformed-path': 400,
  'refused-segment': 403,
  'outside-root': 403,
  'not-found': 404,
};

/** A refusal carries no body: no page of ours is in it, and no detail of the file system. */
function refusal(status: number, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(null, { status, headers: { ...APP_RESPONSE_HEADERS, ...headers } });
}

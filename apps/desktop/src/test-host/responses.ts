import type { ServerResponse } from 'node:http';

import { CONTENT_SECURITY_POLICY } from '../main/window/secure-window';
import { HttpRefusal } from './http-refusal';

/**
 * Sent with every response: the app window's Content-Security-Policy, so a page behaves in the
 * browser as it will in Electron, and no CORS header at all, so no other origin can read an answer.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  response.end(text);
}

/** A refusal as JSON; anything else is a fault of the host, answered without its details. */
export function sendFailure(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const refusal =
    error instanceof HttpRefusal
      ? error
      : new HttpRefusal(500, 'TEST_HOST_FAULT', 'The test host failed to answer.');
  sendJson(
    response,
    refusal.status,
    { error: { code: refusal.code, message: refusal.message } },
    refusal.headers,
  );
}

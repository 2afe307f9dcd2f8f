import type { IncomingMessage, ServerResponse } from 'node:http';

import { BRIDGE_TOKEN_HEADER, isBridgeToken } from './bridge-token';
import type { HttpIpcMain } from './http-ipc-main';
import { HttpRefusal } from './http-refusal';
import { readJsonBody } from './request-body';
import { sendJson } from './responses';

/** Bridge calls are `POST /bridge/<channel>`; every other path is a static file. */
export const BRIDGE_PATH_PREFIX = '/bridge/';

export interface BridgeCallContext {
  readonly ipc: HttpIpcMain;
  readonly token: string;
  readonly maxBodyBytes: number;
}

/**
 * Answers one bridge call with the handler's result envelope, as `ipcRenderer.invoke` would
 * resolve. The checks run cheapest first, and the token before anything that tells a caller
 * which channels exist.
 */
export async function answerBridgeCall(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  senderUrl: string,
  context: BridgeCallContext,
): Promise<void> {
  if (request.method !== 'POST') {
    throw new HttpRefusal(405, 'TEST_HOST_METHOD', 'Bridge calls are POST requests.', {
      Allow: 'POST',
    });
  }
  const given = request.headers[BRIDGE_TOKEN_HEADER];
  if (!isBridgeToken(context.token, typeof given === 'string' ? given : undefined)) {
    throw new HttpRefusal(
      401,
      'TEST_HOST_TOKEN',
      `Bridge calls need the token the test host printed when it started, in ${BRIDGE_TOKEN_HEADER}.`,
    );
  }
  // Before the body is read: an unknown channel costs the host nothing.
  const handler = context.ipc.handlerFor(channelOf(path));
  const args = argumentsOf(await readJsonBody(request, context.maxBodyBytes));
  sendJson(response, 200, await handler(senderUrl, args));
}

function channelOf(path: string): string {
  try {
    return decodeURIComponent(path.slice(BRIDGE_PATH_PREFIX.length));
  } catch {
    throw new HttpRefusal(400, 'TEST_HOST_BAD_PATH', 'The channel in the path is not valid.');
  }
}

function argumentsOf(body: unknown): unknown[] {
  const args: unknown =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as { args?: unknown }).args
      : undefined;
  if (!Array.isArray(args)) {
    throw new HttpRefusal(
      400,
      'TEST_HOST_BAD_BODY',
      'A bridge call takes a JSON body { "args": [...] }.',
    );
  }
  return args;
}

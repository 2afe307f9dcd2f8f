import { realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

import { registerConnectorIpc } from '../main/ipc/register-connector-ipc';
import type { ConnectorBridge } from '../shared/connector-bridge';
import { answerBridgeCall, BRIDGE_PATH_PREFIX, type BridgeCallContext } from './bridge-route';
import { newBridgeToken } from './bridge-token';
import { HttpIpcMain } from './http-ipc-main';
import { HttpRefusal } from './http-refusal';
import { assertLoopbackHost, LOOPBACK_HOST } from './loopback-host';
import { MAX_BODY_BYTES } from './request-body';
import { sendFailure } from './responses';
import { senderUrlOf } from './same-origin';
import { serveStaticFile } from './static-files';

export interface DesktopTestHostOptions {
  /** What the channels reach: main's bridge (`composeDesktop`), or a recording one in tests. */
  readonly bridge: ConnectorBridge;
  /** The built renderer; without it the host serves bridge calls only. */
  readonly staticDir?: string;
  readonly host?: typeof LOOPBACK_HOST;
  readonly maxBodyBytes?: number;
}

export interface DesktopTestHost {
  /** `http://127.0.0.1:<port>`, also the only Origin the host accepts. */
  readonly url: string;
  /** This start's secret for `X-Bridge-Token`. */
  readonly token: string;
  /** Unregisters the handlers and closes the server and every open connection. */
  stop(): Promise<void>;
}

/**
 * The desktop's test and development host: the renderer's files and main's IPC channels over
 * HTTP on the loopback interface, so a page in a real browser reaches the real Connector through
 * the same `registerConnectorIpc` the Electron window uses. Never shipped as a network service.
 */
export async function startDesktopTestHost(
  options: DesktopTestHostOptions,
): Promise<DesktopTestHost> {
  const host = options.host ?? LOOPBACK_HOST;
  assertLoopbackHost(host);
  // Resolved once, so links are compared with the real folder and a missing one fails now.
  const root =
    options.staticDir === undefined ? undefined : await realpath(path.resolve(options.staticDir));
  const ipc = new HttpIpcMain();
  const context: BridgeCallContext = {
    ipc,
    token: newBridgeToken(),
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
  };
  let origin = '';

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const senderUrl = senderUrlOf(request, origin);
    const urlPath = pathOf(request.url ?? '');
    if (urlPath.startsWith(BRIDGE_PATH_PREFIX)) {
      await answerBridgeCall(request, response, urlPath, senderUrl, context);
    } else {
      await serveStaticFile(request, response, root, urlPath);
    }
  };
  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => sendFailure(response, error));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  const unregister = registerConnectorIpc(ipc, options.bridge, (url) => originOf(url) === origin);

  let stopped: Promise<void> | undefined;
  return {
    url: origin,
    token: context.token,
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        unregister();
        server.close(() => resolve());
        // Keep-alive connections would hold close() open until they idle out.
        server.closeAllConnections();
      })),
  };
}

/** The path as sent (never normalised, so a `..` reaches the static checks and is refused). */
function pathOf(requestUrl: string): string {
  const urlPath = requestUrl.split(/[?#]/, 1)[0] ?? '';
  if (!urlPath.startsWith('/')) {
    throw new HttpRefusal(400, 'TEST_HOST_BAD_PATH', 'The request target must be a path.');
  }
  return urlPath;
}

function originOf(url: string): string | null {
  return URL.canParse(url) ? new URL(url).origin : null;
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { healthHttpStatus, type HealthReport } from './health';

export interface ServiceEndpoints {
  readonly health: () => HealthReport;
  readonly metrics: () => Promise<string>;
  readonly metricsContentType: string;
}

/**
 * `GET /health` (JSON; 503 when degraded) and `GET /metrics` (Prometheus text). Any other path is
 * 404 and any other method 405. Nothing here changes anything.
 */
export function createServiceHttpServer(endpoints: ServiceEndpoints): Server {
  return createServer((request, response) => {
    void answer(endpoints, request, response);
  });
}

async function answer(
  endpoints: ServiceEndpoints,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (path !== '/health' && path !== '/metrics') {
    send(response, 404, 'application/json', {
      error: `No such endpoint: ${path}. Try /health or /metrics.`,
    });
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    send(response, 405, 'application/json', { error: `${path} answers GET only.` });
    return;
  }
  if (path === '/health') {
    const report = endpoints.health();
    send(response, healthHttpStatus(report.status), 'application/json', report);
    return;
  }
  try {
    send(response, 200, endpoints.metricsContentType, await endpoints.metrics());
  } catch (error) {
    send(response, 500, 'application/json', {
      error: `The metrics could not be rendered: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

function send(response: ServerResponse, status: number, type: string, body: unknown): void {
  const text = typeof body === 'string' ? body : `${JSON.stringify(body)}\n`;
  response.writeHead(status, {
    'Content-Type': type.includes('charset') ? type : `${type}; charset=utf-8`,
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

/** Listens, and answers the address it got (port 0 picks a free one). */
export function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error): void => reject(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Stops accepting, ends idle keep-alive connections, and resolves once closed. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

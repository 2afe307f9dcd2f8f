import * as http from 'node:http';
import * as https from 'node:https';

import { BitwardenError } from './bitwarden-error';

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  /** The body in pieces, written one after another (a large import is never one buffer). */
  readonly body?: readonly Buffer[];
  readonly timeoutMs: number;
  /** Called once the whole request has been handed to the operating system. */
  readonly onWritten?: () => void;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** Sends one HTTP request; network failures become BitwardenErrors naming the URL. */
export interface HttpTransport {
  send(request: HttpRequest): Promise<HttpResponse>;
}

export interface NodeHttpTransportOptions {
  /** Extra trusted CA certificates (PEM) for a server with a private or self-signed certificate. */
  readonly ca?: string | Buffer;
}

/**
 * Node's own http/https rather than fetch: it takes a CA per request without an extra dispatcher
 * package, streams the body pieces as they are, and reports network errors with their codes.
 */
export function nodeHttpTransport(options: NodeHttpTransportOptions = {}): HttpTransport {
  const httpsAgent = new https.Agent({
    keepAlive: true,
    ...(options.ca ? { ca: options.ca } : {}),
  });
  const httpAgent = new http.Agent({ keepAlive: true });
  return {
    send: (request) =>
      new Promise<HttpResponse>((resolve, reject) => {
        const secure = request.url.protocol === 'https:';
        const length = (request.body ?? []).reduce((sum, piece) => sum + piece.length, 0);
        const outgoing = (secure ? https : http).request(request.url, {
          method: request.method,
          agent: secure ? httpsAgent : httpAgent,
          headers: {
            ...request.headers,
            ...(request.body ? { 'Content-Length': String(length) } : {}),
          },
          timeout: request.timeoutMs,
        });
        outgoing.on('timeout', () => {
          outgoing.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' }));
        });
        outgoing.on('error', (error) => {
          // A server that refuses a body (413) may answer and close while we still upload; the
          // write then fails first. Give the answer a moment to arrive before reporting the write.
          const code = (error as NodeJS.ErrnoException).code;
          const settle = () => reject(networkFailure(error, request.url));
          if (code === 'EPIPE' || code === 'ECONNRESET') {
            setTimeout(settle, 50);
          } else {
            settle();
          }
        });
        if (request.onWritten) {
          outgoing.on('finish', request.onWritten);
        }
        outgoing.on('response', (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', (error) => reject(networkFailure(error, request.url)));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        });
        for (const piece of request.body ?? []) {
          outgoing.write(piece);
        }
        outgoing.end();
      }),
  };
}

const TLS_FAILURES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
]);

/** Failures where the request may not have reached the server, or its answer was lost. */
const TRANSIENT_FAILURES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED']);

function networkFailure(error: Error, url: URL): BitwardenError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const where = url.origin;
  if (TLS_FAILURES.has(code) || code.startsWith('ERR_SSL_')) {
    return new BitwardenError(
      'TLS_FAILURE',
      `The TLS certificate of ${where} is not trusted (${code}: ${error.message}).`,
      'If the server uses a private or self-signed CA, give its certificate to the connector (NODE_EXTRA_CA_CERTS=/path/to/ca.pem, or the CA setting), or fix the certificate.',
      { cause: error },
    );
  }
  return new BitwardenError(
    'UNREACHABLE',
    `Cannot reach the Bitwarden server at ${where} (${code || error.message}).`,
    'Check the server URL (bwdc config server), that the server is running, and that this machine can reach it (DNS, firewall, proxy).',
    { cause: error, transient: TRANSIENT_FAILURES.has(code) },
  );
}

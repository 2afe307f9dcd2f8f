import type { IncomingMessage } from 'node:http';
import * as https from 'node:https';
import type { Readable } from 'node:stream';
import * as zlib from 'node:zlib';

/**
 * A `fetch` for gaxios over `node:https`, so its `agent` (a CA for a TLS-inspecting proxy, the
 * emulator's CA in tests, gaxios's own proxy agent) is honoured. gaxios would otherwise load
 * node-fetch with a dynamic `import()`, which Jest's CommonJS runtime cannot run, so tests and
 * production go through this one path.
 */
export async function httpsFetch(
  input: string | URL | Request,
  init: RequestInit & { agent?: unknown } = {},
): Promise<Response> {
  // A Request encodes every body gaxios sends (a form, JSON text) and sets its content type.
  const request = new Request(input, {
    method: init.method ?? 'GET',
    headers: init.headers ?? {},
    body: init.body ?? null,
  });
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const headers = Object.fromEntries(request.headers);
  if (body) {
    headers['content-length'] = String(body.length);
  }
  const agent = init.agent instanceof https.Agent ? init.agent : undefined;
  const message = await new Promise<IncomingMessage>((resolve, reject) => {
    const outgoing = https.request(request.url, {
      method: request.method,
      headers,
      ...(agent ? { agent } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    outgoing.once('response', resolve);
    outgoing.once('error', reject);
    outgoing.end(body);
  });
  const content = await readAll(decoded(message));
  const responseHeaders = new Headers();
  for (let index = 0; index + 1 < message.rawHeaders.length; index += 2) {
    const name = message.rawHeaders[index] ?? '';
    if (!/^(content-encoding|content-length|transfer-encoding)$/i.test(name)) {
      responseHeaders.append(name, message.rawHeaders[index + 1] ?? '');
    }
  }
  const status = message.statusCode ?? 500;
  const nullBody = status === 204 || status === 304 || request.method === 'HEAD';
  return new Response(nullBody ? null : content, {
    status,
    statusText: message.statusMessage ?? '',
    headers: responseHeaders,
  });
}

function decoded(message: IncomingMessage): Readable {
  switch (message.headers['content-encoding']) {
    case 'gzip':
      return message.pipe(zlib.createGunzip());
    case 'deflate':
      return message.pipe(zlib.createInflate());
    case 'br':
      return message.pipe(zlib.createBrotliDecompress());
    default:
      return message;
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

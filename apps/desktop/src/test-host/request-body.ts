import type { IncomingMessage } from 'node:http';

import { HttpRefusal } from './http-refusal';

/** Far above any bridge call (the largest is a login's API key), far below harm. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The request's JSON body, refused (415) unless declared `application/json` and (413) once it
 * passes `limit` bytes, whether announced by Content-Length or only streamed. Requiring JSON also
 * means a browser must preflight a cross-origin call, and the host answers no preflight.
 */
export async function readJsonBody(
  request: IncomingMessage,
  limit: number = MAX_BODY_BYTES,
): Promise<unknown> {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HttpRefusal(415, 'TEST_HOST_NOT_JSON', 'Bridge calls take an application/json body.');
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    throw tooLarge(limit);
  }
  const text = await readText(request, limit);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpRefusal(400, 'TEST_HOST_BAD_JSON', 'The request body is not valid JSON.');
  }
}

function readText(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop reading; the refusal closes the connection, which discards the rest.
        request.off('data', onData);
        request.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.once('error', reject);
  });
}

function tooLarge(limit: number): HttpRefusal {
  return new HttpRefusal(
    413,
    'TEST_HOST_BODY_TOO_LARGE',
    `The request body is larger than ${limit} bytes.`,
    { Connection: 'close' },
  );
}

import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';

import { findRendererFile, type RendererFileRefusal } from '../main/renderer-files/renderer-file';
import { HttpRefusal } from './http-refusal';
import { SECURITY_HEADERS } from './responses';

/**
 * Serves a file of the built renderer: GET and HEAD only, `/` is index.html, a folder is never
 * listed, and no path reaches outside `root` (a `..` or hidden segment, raw or percent-encoded,
 * is refused; a symbolic link out of the folder is not followed).
 *
 * @param root the folder's real path, or undefined when the host serves no files.
 * @param urlPath the request's path as sent, before any decoding.
 */
export async function serveStaticFile(
  request: IncomingMessage,
  response: ServerResponse,
  root: string | undefined,
  urlPath: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    throw new HttpRefusal(405, 'TEST_HOST_METHOD', 'Files are read with GET or HEAD.', {
      Allow: 'GET, HEAD',
    });
  }
  if (root === undefined) {
    throw refusalFor('not-found');
  }
  const file = await findRendererFile(root, urlPath);
  if (!file.found) {
    throw refusalFor(file.refusal);
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': String(file.size),
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  await pipeline(createReadStream(file.path), response);
}

function refusalFor(refusal: RendererFileRefusal): HttpRefusal {
  switch (refusal) {
    case 'malformed-path':
      return new HttpRefusal(400, 'TEST_HOST_BAD_PATH', 'The path is not valid.');
    case 'refused-segment':
      return new HttpRefusal(
        403,
        'TEST_HOST_PATH_REFUSED',
        'Paths with `..`, `.` or hidden segments are refused.',
      );
    case 'outside-root':
      return new HttpRefusal(
        403,
        'TEST_HOST_PATH_REFUSED',
        'The path leads outside the served folder.',
      );
    case 'not-found':
      return new HttpRefusal(404, 'TEST_HOST_NOT_FOUND', 'There is no such file.');
  }
}

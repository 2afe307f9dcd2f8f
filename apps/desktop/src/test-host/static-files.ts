import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';

import { contentTypeOf } from './content-types';
import { HttpRefusal } from './http-refusal';
import { SECURITY_HEADERS } from './responses';

const INDEX_FILE = 'index.html';

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
    throw notFound();
  }
  const file = await fileInside(root, relativePathOf(urlPath));
  const size = await fileSize(file);
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeOf(file),
    'Content-Length': String(size),
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  await pipeline(createReadStream(file), response);
}

/** The path's segments, checked one by one after decoding so `%2e%2e%2f` is caught as `../`. */
function relativePathOf(urlPath: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    throw new HttpRefusal(400, 'TEST_HOST_BAD_PATH', 'The path is not valid.');
  }
  const segments = decoded.split(/[/\\]/).filter((segment) => segment !== '');
  if (decoded.includes('\0') || segments.some((segment) => segment.startsWith('.'))) {
    throw new HttpRefusal(
      403,
      'TEST_HOST_PATH_REFUSED',
      'Paths with `..`, `.` or hidden segments are refused.',
    );
  }
  return segments.length === 0 ? INDEX_FILE : path.join(...segments);
}

/** The file's real path, if it is inside the root once links are resolved. */
async function fileInside(root: string, relative: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(path.join(root, relative));
  } catch {
    throw notFound();
  }
  if (!real.startsWith(`${root}${path.sep}`)) {
    throw new HttpRefusal(
      403,
      'TEST_HOST_PATH_REFUSED',
      'The path leads outside the served folder.',
    );
  }
  return real;
}

/** Files only: a folder answers 404, which is how "no directory listing" looks from outside. */
async function fileSize(file: string): Promise<number> {
  const stats = await stat(file);
  if (!stats.isFile()) {
    throw notFound();
  }
  return stats.size;
}

function notFound(): HttpRefusal {
  return new HttpRefusal(404, 'TEST_HOST_NOT_FOUND', 'There is no such file.');
}

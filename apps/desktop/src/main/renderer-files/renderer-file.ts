import { realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';

import { contentTypeOf } from './content-types';

const INDEX_FILE = 'index.html';

/** A file of the built renderer that may be served, or why none is. */
export type RendererFileLookup =
  | {
      readonly found: true;
      /** The file's real path, inside the root. */
      readonly path: string;
      readonly size: number;
      readonly contentType: string;
    }
  | { readonly found: false; readonly refusal: RendererFileRefusal };

export type RendererFileRefusal =
  /** Not percent-decodable. */
  | 'malformed-path'
  /** A `..`, `.` or hidden segment (raw or percent-encoded), or a NUL byte. */
  | 'refused-segment'
  /** Leads out of the root once symbolic links are resolved. */
  | 'outside-root'
  /** No such file, or a folder (folders are never listed). */
  | 'not-found';

/**
 * The one path check for the renderer's files, shared by the app:// protocol and the test host:
 * `/` is index.html, and no path reaches outside `root`.
 *
 * @param root the folder's real path (`fs.realpath`), so a link inside it is compared fairly.
 * @param urlPath the request's path as sent, before any decoding.
 */
export async function findRendererFile(root: string, urlPath: string): Promise<RendererFileLookup> {
  const relative = relativePathOf(urlPath);
  if (typeof relative !== 'string') {
    return relative;
  }
  let real: string;
  try {
    real = await realpath(path.join(root, relative));
  } catch {
    return refused('not-found');
  }
  if (!real.startsWith(`${root}${path.sep}`)) {
    return refused('outside-root');
  }
  const stats = await stat(real);
  if (!stats.isFile()) {
    return refused('not-found');
  }
  return { found: true, path: real, size: stats.size, contentType: contentTypeOf(real) };
}

/** The path's segments, checked one by one after decoding so `%2e%2e%2f` is caught as `../`. */
function relativePathOf(urlPath: string): string | RendererFileLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return refused('malformed-path');
  }
  const segments = decoded.split(/[/\\]/).filter((segment) => segment !== '');
  if (decoded.includes('\0') || segments.some((segment) => segment.startsWith('.'))) {
    return refused('refused-segment');
  }
  return segments.length === 0 ? INDEX_FILE : path.join(...segments);
}

function refused(refusal: RendererFileRefusal): RendererFileLookup {
  return { found: false, refusal };
}

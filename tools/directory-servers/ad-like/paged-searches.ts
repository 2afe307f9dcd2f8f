import type { StoredEntry } from './directory';

export interface Page {
  readonly entries: readonly StoredEntry[];
  /** The cookie for the next page; empty once the search is complete (RFC 2696). */
  readonly cookie: Buffer;
}

/**
 * One connection's paged searches in progress. Like a DC, the server keeps the result set and
 * hands the client an opaque cookie; a cookie is only valid on the connection that got it.
 */
export class PagedSearches {
  private counter = 0;
  private readonly cursors = new Map<string, { matches: readonly StoredEntry[]; offset: number }>();

  /** The first page of a new paged search. */
  start(matches: readonly StoredEntry[], size: number, maxPageSize: number): Page {
    const cursor = { matches, offset: 0 };
    this.counter += 1;
    const cookie = Buffer.from(`ad-like-page-${this.counter}`);
    return this.advance(cookie, cursor, size, maxPageSize);
  }

  /** The next page for `cookie`, or undefined for a cookie this connection does not know. */
  next(cookie: Buffer, size: number, maxPageSize: number): Page | undefined {
    const cursor = this.cursors.get(cookie.toString('hex'));
    return cursor === undefined ? undefined : this.advance(cookie, cursor, size, maxPageSize);
  }

  private advance(
    cookie: Buffer,
    cursor: { matches: readonly StoredEntry[]; offset: number },
    size: number,
    maxPageSize: number,
  ): Page {
    const key = cookie.toString('hex');
    // A page size of 0 abandons the search (RFC 2696 section 3); MaxPageSize caps every page.
    const take = Math.min(Math.max(size, 0), maxPageSize);
    const entries = cursor.matches.slice(cursor.offset, cursor.offset + take);
    const offset = cursor.offset + entries.length;
    if (take === 0 || offset >= cursor.matches.length) {
      this.cursors.delete(key);
      return { entries, cookie: Buffer.alloc(0) };
    }
    this.cursors.set(key, { matches: cursor.matches, offset });
    return { entries, cookie };
  }
}

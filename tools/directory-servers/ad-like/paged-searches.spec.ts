import type { StoredEntry } from './directory';
import { PagedSearches } from './paged-searches';

const entries = (count: number): StoredEntry[] =>
  Array.from({ length: count }, (_, index) => ({
    dn: `CN=${index}`,
    key: `cn=${index}`,
    attributes: new Map(),
  }));

describe('PagedSearches', () => {
  it('pages through the result set and forgets the cookie after the last page', () => {
    const paged = new PagedSearches();
    const first = paged.start(entries(5), 2, 1000);
    expect(first.entries).toHaveLength(2);
    const second = paged.next(first.cookie, 2, 1000);
    expect(second?.entries.map((entry) => entry.dn)).toEqual(['CN=2', 'CN=3']);
    const last = paged.next(first.cookie, 2, 1000);
    expect(last?.entries).toHaveLength(1);
    expect(last?.cookie).toHaveLength(0);
    expect(paged.next(first.cookie, 2, 1000)).toBeUndefined();
  });

  it('caps each page at MaxPageSize', () => {
    const first = new PagedSearches().start(entries(30), 5000, 10);
    expect(first.entries).toHaveLength(10);
    expect(first.cookie.length).toBeGreaterThan(0);
  });

  it('abandons a search for a page size of 0', () => {
    const paged = new PagedSearches();
    const { cookie } = paged.start(entries(5), 2, 1000);
    expect(paged.next(cookie, 0, 1000)).toEqual({ entries: [], cookie: Buffer.alloc(0) });
    expect(paged.next(cookie, 2, 1000)).toBeUndefined();
  });

  it('does not know another connection’s cookies', () => {
    const { cookie } = new PagedSearches().start(entries(5), 2, 1000);
    expect(new PagedSearches().next(cookie, 2, 1000)).toBeUndefined();
  });
});

import { Control, type Client, type Entry } from 'ldapts';

import { ldapFailure } from './ldap-error';

/** Upstream's search time limit: slow filters (e.g. LDAP_MATCHING_RULE_IN_CHAIN) must finish. */
export const LDAP_SEARCH_TIME_LIMIT_SECONDS = 300;

/** Attributes whose values are bytes, not text. */
const BINARY_ATTRIBUTES = ['objectGUID', 'objectSid'];

export interface SubtreeSearch {
  readonly base: string;
  readonly filter: string;
  readonly attributes: readonly string[];
  /** Controls the server must honour (e.g. show deleted); sent as critical. */
  readonly controlOids?: readonly string[];
}

/** The searches a read makes, over one bound connection. Every failure is an LdapError. */
export class LdapSearch {
  constructor(
    private readonly client: Client,
    private readonly url: string,
    private readonly pageSize: number,
  ) {}

  /**
   * Pages through the results, so a server's size limit cannot cut a read short. The next page
   * is asked for before this one is handed on, so the server prepares it while the caller works
   * (ldapts alone asks only once a page is used up, and the two would take turns).
   */
  async *entries(search: SubtreeSearch): AsyncGenerator<Entry> {
    const controls = (search.controlOids ?? []).map((oid) => new Control(oid, { critical: true }));
    const pages = this.client
      .searchPaginated(
        search.base,
        {
          scope: 'sub',
          filter: search.filter,
          attributes: [...search.attributes],
          explicitBufferAttributes: BINARY_ATTRIBUTES,
          paged: { pageSize: this.pageSize },
          timeLimit: LDAP_SEARCH_TIME_LIMIT_SECONDS,
        },
        controls,
      )
      [Symbol.asyncIterator]();
    const nextPage = () => {
      const page = pages.next();
      // A caller that stops early never awaits the page asked for in advance.
      page.catch(() => undefined);
      return page;
    };
    try {
      let page = await nextPage();
      while (page.done !== true) {
        const following = nextPage();
        yield* page.value.searchEntries;
        page = await following;
      }
    } catch (error) {
      throw ldapFailure(error, { url: this.url, filter: search.filter, base: search.base });
    }
  }

  /** One entry's attributes (a base search), or an empty entry when it has none of them. */
  async entry(dn: string, attributes: readonly string[]): Promise<Entry> {
    try {
      const { searchEntries } = await this.client.search(dn, {
        scope: 'base',
        filter: '(objectClass=*)',
        attributes: [...attributes],
        explicitBufferAttributes: BINARY_ATTRIBUTES,
        timeLimit: LDAP_SEARCH_TIME_LIMIT_SECONDS,
      });
      return searchEntries[0] ?? { dn };
    } catch (error) {
      throw ldapFailure(error, { url: this.url, filter: '(objectClass=*)', base: dn });
    }
  }
}

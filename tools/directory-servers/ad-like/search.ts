import { ResultCode, noSuchObjectMessage } from './ad-diagnostics';
import { BerError } from './ber';
import type { Directory, StoredEntry } from './directory';
import { bestMatch, inScope } from './directory';
import { dnKey } from './dn';
import { matchesFilter } from './filter-match';
import type { RequestControl, SearchOperation } from './ldap-request';
import { PAGED_RESULTS_OID, decodePagedResults } from './ldap-request';
import type { LdapResult, ResponseControl } from './ldap-response';
import { pagedResultsControl } from './ldap-response';
import type { PagedSearches } from './paged-searches';
import { RangeSyntaxError, parseAttributeRequest } from './range';
import { rootDse } from './root-dse';
import type { ReturnedAttribute } from './select-attributes';
import { selectAttributes } from './select-attributes';

/** LDAP_SERVER_SHOW_DELETED_OID: without it AD hides deleted objects (isDeleted=TRUE). */
export const SHOW_DELETED_OID = '1.2.840.113556.1.4.417';

const SUPPORTED_CONTROLS = new Set([PAGED_RESULTS_OID, SHOW_DELETED_OID]);

export interface AdLimits {
  /** Most values of one attribute in one answer (LDAP policy MaxValRange). */
  readonly maxValRange: number;
  /** Most entries in one answer, paged or not (LDAP policy MaxPageSize). */
  readonly maxPageSize: number;
}

export interface SearchOutcome {
  readonly entries: readonly { dn: string; attributes: readonly ReturnedAttribute[] }[];
  readonly result: LdapResult;
  readonly controls: readonly ResponseControl[];
}

/** A search of the rootDSE, which AD answers even before a bind. */
export function isRootDseSearch(search: SearchOperation): boolean {
  return search.base === '' && search.scope === 'base';
}

function failure(code: number, message: string, matchedDn = ''): SearchOutcome {
  return { entries: [], result: { code, message, matchedDn }, controls: [] };
}

/**
 * Runs one search the way a DC does: the matches are cut to MaxPageSize entries, in pages of at
 * most MaxPageSize when the client asks for paging (RFC 2696) and followed by sizeLimitExceeded
 * when it does not; attributes with more than MaxValRange values come back ranged.
 */
export function runSearch(
  directory: Directory,
  search: SearchOperation,
  controls: readonly RequestControl[],
  paged: PagedSearches,
  limits: AdLimits,
): SearchOutcome {
  const unsupported = controls.find(
    (control) => control.critical && !SUPPORTED_CONTROLS.has(control.oid),
  );
  if (unsupported !== undefined) {
    return failure(
      ResultCode.unavailableCriticalExtension,
      `critical control ${unsupported.oid} is not supported by this test server`,
    );
  }
  try {
    search.attributes.forEach(parseAttributeRequest);
  } catch (error) {
    if (error instanceof RangeSyntaxError) {
      return failure(ResultCode.unwillingToPerform, error.message);
    }
    throw error;
  }
  const pagedControl = controls.find((control) => control.oid === PAGED_RESULTS_OID);
  let page: { size: number; cookie: Buffer } | null = null;
  try {
    page = pagedControl === undefined ? null : decodePagedResults(pagedControl);
  } catch (error) {
    if (error instanceof BerError) {
      return failure(ResultCode.protocolError, `bad paged results control: ${error.message}`);
    }
    throw error;
  }

  if (page !== null && page.cookie.length > 0) {
    const next = paged.next(page.cookie, page.size, limits.maxPageSize);
    if (next === undefined) {
      return failure(ResultCode.unwillingToPerform, 'unknown or finished paged search cookie');
    }
    return answer(next.entries, next.cookie, search, limits);
  }

  const matches = findMatches(directory, search, controls);
  if (!Array.isArray(matches)) {
    return matches;
  }
  if (page !== null) {
    const first = paged.start(matches, page.size, limits.maxPageSize);
    return answer(first.entries, first.cookie, search, limits);
  }
  const limit = Math.min(search.sizeLimit > 0 ? search.sizeLimit : Infinity, limits.maxPageSize);
  const outcome = answer(matches.slice(0, limit), null, search, limits);
  return matches.length > limit
    ? { ...outcome, result: { code: ResultCode.sizeLimitExceeded } }
    : outcome;
}

function findMatches(
  directory: Directory,
  search: SearchOperation,
  controls: readonly RequestControl[],
): StoredEntry[] | SearchOutcome {
  if (isRootDseSearch(search)) {
    const dse = rootDse(directory, [...SUPPORTED_CONTROLS]);
    return matchesFilter(search.filter, dse, () => undefined) ? [dse] : [];
  }
  const showDeleted = controls.some((control) => control.oid === SHOW_DELETED_OID);
  const visible = (entry: StoredEntry): boolean => showDeleted || !isDeleted(entry);
  const baseKey = dnKey(search.base);
  const base = directory.byKey.get(baseKey);
  if (base === undefined || !visible(base)) {
    const matched = bestMatch(directory, baseKey)?.dn ?? '';
    return failure(ResultCode.noSuchObject, noSuchObjectMessage(matched), matched);
  }
  const lookup = (key: string): StoredEntry | undefined => directory.byKey.get(key);
  return directory.entries.filter(
    (entry) =>
      inScope(entry, baseKey, search.scope) &&
      visible(entry) &&
      matchesFilter(search.filter, entry, lookup),
  );
}

function isDeleted(entry: StoredEntry): boolean {
  const values = entry.attributes.get('isdeleted')?.values ?? [];
  return values.some((value) => value.toString().toUpperCase() === 'TRUE');
}

function answer(
  entries: readonly StoredEntry[],
  cookie: Buffer | null,
  search: SearchOperation,
  limits: AdLimits,
): SearchOutcome {
  return {
    entries: entries.map((entry) => ({
      dn: entry.dn,
      attributes: selectAttributes(entry, search.attributes, search.typesOnly, limits.maxValRange),
    })),
    result: { code: ResultCode.success },
    controls: cookie === null ? [] : [pagedResultsControl(cookie)],
  };
}

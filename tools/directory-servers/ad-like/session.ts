import { AdMessage, ResultCode } from './ad-diagnostics';
import type { Directory, SearchScope } from './directory';
import { dnKey } from './dn';
import { filterToString } from './filter';
import type { BindAuthentication, LdapRequest, SearchOperation } from './ldap-request';
import { PAGED_RESULTS_OID, decodePagedResults } from './ldap-request';
import type { LdapResult } from './ldap-response';
import { ResponseTag, encodeResult, encodeSearchEntry } from './ldap-response';
import { PagedSearches } from './paged-searches';
import type { AdLimits } from './search';
import { isRootDseSearch, runSearch } from './search';

/** A search as the server received it, for tests to assert on continuation requests. */
export interface RecordedSearch {
  readonly base: string;
  readonly scope: SearchScope;
  /** RFC 4515 form, rebuilt from the request: `(&(objectClass=group)(cn=a\2a))`. */
  readonly filter: string;
  /** As sent, spelling included: `member;range=1500-*`. */
  readonly attributes: readonly string[];
  readonly sizeLimit: number;
  readonly typesOnly: boolean;
  readonly controls: readonly { readonly oid: string; readonly critical: boolean }[];
  /** The paged-results control: page size asked for, cookie in hex ('' on the first page). */
  readonly paged: { readonly size: number; readonly cookie: string } | null;
  /** The name the connection bound with, or null while anonymous. */
  readonly boundAs: string | null;
  /** What the server answered: result code and number of entries sent. */
  readonly result: { readonly code: number; readonly entries: number };
}

export interface RecordedBind {
  readonly name: string;
  readonly code: number;
}

export interface BindAccount {
  readonly dn: string;
  /** userPrincipalName, `svc@ad.example.org`: AD accepts it in place of the DN. */
  readonly upn?: string;
  readonly password: string;
}

export interface ServerContext {
  readonly directory: Directory;
  readonly limits: AdLimits;
  readonly account: BindAccount;
  readonly onSearch: (search: RecordedSearch) => void;
  readonly onBind: (bind: RecordedBind) => void;
}

/** What to send back for one request, and whether to close the connection after it. */
export interface Reply {
  readonly messages: readonly Buffer[];
  readonly close: boolean;
}

const NOTHING: Reply = { messages: [], close: false };

/** One client connection: its bind state and its paged searches. */
export class LdapSession {
  private boundAs: string | null = null;
  private readonly paged = new PagedSearches();

  constructor(private readonly context: ServerContext) {}

  handle(request: LdapRequest): Reply {
    const { messageId, operation } = request;
    switch (operation.kind) {
      case 'bind': {
        const result = this.bind(operation.name, operation.auth);
        this.context.onBind({ name: operation.name, code: result.code });
        return reply(encodeResult(messageId, ResponseTag.bind, result));
      }
      case 'search':
        return { messages: this.search(request, operation), close: false };
      case 'unbind':
        return { messages: [], close: true };
      case 'abandon':
        // Every answer is sent whole before the next request is read: nothing left to abandon.
        return NOTHING;
      case 'extended':
        // RFC 4511 4.12: an extended operation the server does not know gets protocolError.
        return reply(
          encodeResult(messageId, ResponseTag.extended, {
            code: ResultCode.protocolError,
            message: `extended operation ${operation.oid} is not supported by this test server`,
          }),
        );
      case 'refused':
        return reply(
          encodeResult(messageId, operation.responseTag, {
            code: ResultCode.unwillingToPerform,
            message: 'this AD-like test server is read-only',
          }),
        );
    }
  }

  private bind(name: string, auth: BindAuthentication): LdapResult {
    // A failed or new bind leaves the connection anonymous until it succeeds (RFC 4513 5.1).
    this.boundAs = null;
    if (auth.method === 'sasl') {
      return {
        code: ResultCode.authMethodNotSupported,
        message: `SASL ${auth.mechanism} is not offered by this test server; use a simple bind`,
      };
    }
    if (auth.password === '') {
      // An empty password is an anonymous (RFC 4513 "unauthenticated") bind, which AD accepts
      // whatever the name: the bind succeeds and the searches after it are refused.
      return { code: ResultCode.success };
    }
    const { account } = this.context;
    const knownName =
      dnKey(name) === dnKey(account.dn) ||
      (account.upn !== undefined && name.toLowerCase() === account.upn.toLowerCase());
    if (!knownName || auth.password !== account.password) {
      return { code: ResultCode.invalidCredentials, message: AdMessage.invalidCredentials };
    }
    this.boundAs = name;
    return { code: ResultCode.success };
  }

  private search(request: LdapRequest, search: SearchOperation): Buffer[] {
    const { messageId, controls } = request;
    const outcome =
      this.boundAs === null && !isRootDseSearch(search)
        ? {
            entries: [],
            result: { code: ResultCode.operationsError, message: AdMessage.bindRequired },
            controls: [],
          }
        : runSearch(this.context.directory, search, controls, this.paged, this.context.limits);
    const messages = outcome.entries.map((entry) =>
      encodeSearchEntry(messageId, entry.dn, entry.attributes),
    );
    messages.push(
      encodeResult(messageId, ResponseTag.searchDone, outcome.result, outcome.controls),
    );
    this.context.onSearch({
      base: search.base,
      scope: search.scope,
      filter: filterToString(search.filter),
      attributes: search.attributes,
      sizeLimit: search.sizeLimit,
      typesOnly: search.typesOnly,
      controls: controls.map(({ oid, critical }) => ({ oid, critical })),
      paged: recordedPaging(request),
      boundAs: this.boundAs,
      result: { code: outcome.result.code, entries: outcome.entries.length },
    });
    return messages;
  }
}

function reply(message: Buffer): Reply {
  return { messages: [message], close: false };
}

function recordedPaging(request: LdapRequest): RecordedSearch['paged'] {
  const control = request.controls.find((candidate) => candidate.oid === PAGED_RESULTS_OID);
  if (control === undefined) {
    return null;
  }
  try {
    const { size, cookie } = decodePagedResults(control);
    return { size, cookie: cookie.toString('hex') };
  } catch {
    // The search was answered protocolError; size -1 marks the control as unreadable.
    return { size: -1, cookie: '' };
  }
}

import type { BerNode } from './ber';
import {
  BerError,
  TagClass,
  booleanOf,
  childAt,
  decode,
  integerOf,
  octetsOf,
  stringOf,
} from './ber';
import type { SearchScope } from './directory';
import type { Filter } from './filter';
import { decodeFilter } from './filter';

/** Decoding of the requests a client sends (RFC 4511 section 4), from one LDAPMessage. */

export interface RequestControl {
  readonly oid: string;
  readonly critical: boolean;
  readonly value: Buffer | null;
}

export interface SearchOperation {
  readonly kind: 'search';
  readonly base: string;
  readonly scope: SearchScope;
  readonly sizeLimit: number;
  readonly typesOnly: boolean;
  readonly filter: Filter;
  /** As the client wrote them: the recorded request must show what was really asked. */
  readonly attributes: readonly string[];
}

export type BindAuthentication =
  | { readonly method: 'simple'; readonly password: string }
  | { readonly method: 'sasl'; readonly mechanism: string };

export type Operation =
  | { readonly kind: 'bind'; readonly name: string; readonly auth: BindAuthentication }
  | { readonly kind: 'unbind' }
  | { readonly kind: 'abandon' }
  | SearchOperation
  | { readonly kind: 'extended'; readonly oid: string }
  /** An update or compare, which this read-only server refuses; `responseTag` answers it. */
  | { readonly kind: 'refused'; readonly responseTag: number };

export interface LdapRequest {
  readonly messageId: number;
  readonly operation: Operation;
  readonly controls: readonly RequestControl[];
}

const SCOPES: readonly SearchScope[] = ['base', 'one', 'sub', 'children'];

// protocolOp [APPLICATION n] of the requests, and [APPLICATION n] of their responses.
const REFUSED_OPERATIONS: ReadonlyMap<number, number> = new Map([
  [6, 7], // modify
  [8, 9], // add
  [10, 11], // delete
  [12, 13], // modify DN
  [14, 15], // compare
]);

export function decodeRequest(bytes: Buffer): LdapRequest {
  const message = decode(bytes);
  const messageId = integerOf(childAt(message, 0));
  const protocolOp = childAt(message, 1);
  const controlsNode = message.children[2];
  const controls =
    controlsNode?.tagClass === TagClass.context && controlsNode.tagNumber === 0
      ? controlsNode.children.map(decodeControl)
      : [];
  return { messageId, operation: decodeOperation(protocolOp), controls };
}

function decodeOperation(op: BerNode): Operation {
  if (op.tagClass !== TagClass.application) {
    throw new BerError(`protocolOp of class ${op.tagClass}`);
  }
  switch (op.tagNumber) {
    case 0:
      return decodeBind(op);
    case 2:
      return { kind: 'unbind' };
    case 3:
      return decodeSearch(op);
    case 16:
      return { kind: 'abandon' };
    case 23:
      return { kind: 'extended', oid: stringOf(childAt(op, 0)) };
    default: {
      const responseTag = REFUSED_OPERATIONS.get(op.tagNumber);
      if (responseTag === undefined) {
        throw new BerError(`unknown protocolOp [APPLICATION ${op.tagNumber}]`);
      }
      return { kind: 'refused', responseTag };
    }
  }
}

function decodeBind(op: BerNode): Operation {
  // BindRequest ::= [APPLICATION 0] SEQUENCE { version, name, authentication CHOICE {
  // simple [0] OCTET STRING, sasl [3] SaslCredentials } }
  const name = stringOf(childAt(op, 1));
  const auth = childAt(op, 2);
  if (auth.tagNumber === 0) {
    return { kind: 'bind', name, auth: { method: 'simple', password: stringOf(auth) } };
  }
  return { kind: 'bind', name, auth: { method: 'sasl', mechanism: stringOf(childAt(auth, 0)) } };
}

function decodeSearch(op: BerNode): SearchOperation {
  // SearchRequest ::= [APPLICATION 3] SEQUENCE { baseObject, scope, derefAliases, sizeLimit,
  // timeLimit, typesOnly, filter, attributes }
  const scope = SCOPES[integerOf(childAt(op, 1))];
  if (scope === undefined) {
    throw new BerError(`unknown search scope ${integerOf(childAt(op, 1))}`);
  }
  return {
    kind: 'search',
    base: stringOf(childAt(op, 0)),
    scope,
    sizeLimit: integerOf(childAt(op, 3)),
    typesOnly: booleanOf(childAt(op, 5)),
    filter: decodeFilter(childAt(op, 6)),
    attributes: childAt(op, 7).children.map(stringOf),
  };
}

function decodeControl(node: BerNode): RequestControl {
  // Control ::= SEQUENCE { controlType, criticality BOOLEAN DEFAULT FALSE, controlValue OPTIONAL }
  const oid = stringOf(childAt(node, 0));
  let critical = false;
  let value: Buffer | null = null;
  for (const part of node.children.slice(1)) {
    if (part.tagClass === TagClass.universal && part.tagNumber === 1) {
      critical = booleanOf(part);
    } else {
      value = octetsOf(part);
    }
  }
  return { oid, critical, value };
}

export const PAGED_RESULTS_OID = '1.2.840.113556.1.4.319';

export interface PagedResultsRequest {
  readonly size: number;
  readonly cookie: Buffer;
}

/** The paged-results control's value (RFC 2696): SEQUENCE { size INTEGER, cookie OCTET STRING }. */
export function decodePagedResults(control: RequestControl): PagedResultsRequest {
  if (control.value === null) {
    throw new BerError('paged results control without a value');
  }
  const value = decode(control.value);
  return { size: integerOf(childAt(value, 0)), cookie: octetsOf(childAt(value, 1)) };
}

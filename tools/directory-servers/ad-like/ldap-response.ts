import type { BerElement } from './ber';
import {
  TagClass,
  encode,
  enumerated,
  integer,
  octetString,
  sequence,
  set,
  taggedConstructed,
} from './ber';
import { PAGED_RESULTS_OID } from './ldap-request';
import type { ReturnedAttribute } from './select-attributes';

/** Encoding of the server's answers (RFC 4511 section 4) as complete LDAPMessages. */

export const ResponseTag = {
  bind: 1,
  searchEntry: 4,
  searchDone: 5,
  extended: 24,
} as const;

export interface LdapResult {
  readonly code: number;
  readonly matchedDn?: string;
  readonly message?: string;
}

export interface ResponseControl {
  readonly oid: string;
  readonly value: Buffer;
}

function message(
  messageId: number,
  protocolOp: BerElement,
  controls: readonly ResponseControl[] = [],
): Buffer {
  const parts = [integer(messageId), protocolOp];
  if (controls.length > 0) {
    // Controls ::= [0] SEQUENCE OF Control; criticality is left at its default, FALSE.
    parts.push(
      taggedConstructed(
        TagClass.context,
        0,
        controls.map(({ oid, value }) => sequence([octetString(oid), octetString(value)])),
      ),
    );
  }
  return encode(sequence(parts));
}

/** An LDAPResult-shaped response: BindResponse, SearchResultDone, ModifyResponse, ... */
export function encodeResult(
  messageId: number,
  responseTag: number,
  result: LdapResult,
  controls: readonly ResponseControl[] = [],
): Buffer {
  const op = taggedConstructed(TagClass.application, responseTag, [
    enumerated(result.code),
    octetString(result.matchedDn ?? ''),
    octetString(result.message ?? ''),
  ]);
  return message(messageId, op, controls);
}

export function encodeSearchEntry(
  messageId: number,
  dn: string,
  attributes: readonly ReturnedAttribute[],
): Buffer {
  // SearchResultEntry ::= [APPLICATION 4] SEQUENCE { objectName, attributes
  // PartialAttributeList }; PartialAttribute ::= SEQUENCE { type, vals SET OF value }
  const op = taggedConstructed(TagClass.application, ResponseTag.searchEntry, [
    octetString(dn),
    sequence(
      attributes.map(({ type, values }) =>
        sequence([octetString(type), set(values.map((value) => octetString(value)))]),
      ),
    ),
  ]);
  return message(messageId, op);
}

/** The paged-results response control (RFC 2696); AD does not estimate, so size is 0. */
export function pagedResultsControl(cookie: Buffer): ResponseControl {
  return { oid: PAGED_RESULTS_OID, value: encode(sequence([integer(0), octetString(cookie)])) };
}

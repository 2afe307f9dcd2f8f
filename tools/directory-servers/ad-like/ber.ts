import * as asn1js from 'asn1js';

/**
 * The BER layer of the AD-like server, on asn1js (see README for why). asn1js stays inside this
 * file: the LDAP layer reads a plain tree of `BerNode`s and builds answers from `BerElement`s.
 */

/** ASN.1 tag classes as asn1js numbers them. */
export const TagClass = { universal: 1, application: 2, context: 3 } as const;

export interface BerNode {
  readonly tagClass: number;
  readonly tagNumber: number;
  readonly constructed: boolean;
  /** The elements inside a constructed node; empty for a primitive one. */
  readonly children: readonly BerNode[];
  /** The content octets of a primitive node; empty for a constructed one. */
  readonly bytes: Buffer;
}

/** An element ready to encode; opaque outside this file. */
export type BerElement = asn1js.AsnType;

export class BerError extends Error {
  override readonly name = 'BerError';
}

// RFC 4511 section 5.1: an LDAPMessage is a SEQUENCE in the definite length form.
const SEQUENCE_TAG = 0x30;
// A request is small; a longer length claim is garbage, never a reason to buffer forever.
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/**
 * Splits the first complete LDAPMessage off `buffer`: TCP hands over any number of messages, or a
 * part of one, per read. `undefined` means more bytes are needed.
 */
export function takeMessage(buffer: Buffer): { message: Buffer; rest: Buffer } | undefined {
  if (buffer.length < 2) {
    return undefined;
  }
  if (buffer[0] !== SEQUENCE_TAG) {
    throw new BerError(`an LDAPMessage starts with 0x30, not 0x${buffer[0]?.toString(16)}`);
  }
  const first = buffer[1] ?? 0;
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) {
      throw new BerError(`unsupported length form 0x${first.toString(16)}`);
    }
    if (buffer.length < 2 + count) {
      return undefined;
    }
    length = buffer.readUIntBE(2, count);
    header = 2 + count;
  }
  if (length > MAX_MESSAGE_BYTES) {
    throw new BerError(`an LDAPMessage of ${length} bytes is too long`);
  }
  if (buffer.length < header + length) {
    return undefined;
  }
  return {
    message: buffer.subarray(0, header + length),
    rest: buffer.subarray(header + length),
  };
}

export function decode(bytes: Buffer): BerNode {
  // parseEmbedded off: OCTET STRINGs (filter values, passwords) are data, never nested BER.
  const { offset, result } = asn1js.fromBER(bytes, { parseEmbedded: false });
  if (offset === -1 || result.error !== '') {
    throw new BerError(`malformed BER: ${result.error || 'truncated'}`);
  }
  if (offset !== bytes.length) {
    throw new BerError(`${bytes.length - offset} bytes after the element`);
  }
  return toNode(result);
}

function toNode(element: asn1js.AsnType): BerNode {
  const { tagClass, tagNumber, isConstructed } = element.idBlock;
  if (isConstructed) {
    // RFC 4511 section 5.1 allows only primitive OCTET STRINGs, so every constructed element of
    // a valid message is a SEQUENCE, a SET or a tagged one, all of which asn1js makes Constructed.
    if (!(element instanceof asn1js.Constructed)) {
      throw new BerError(`constructed form of a primitive type (tag ${tagNumber})`);
    }
    const children = element.valueBlock.value.map((child) => toNode(child));
    return { tagClass, tagNumber, constructed: true, children, bytes: Buffer.alloc(0) };
  }
  const block: object = element.valueBlock;
  if (!('valueHexView' in block) || !(block.valueHexView instanceof Uint8Array)) {
    throw new BerError(`primitive element without content octets (tag ${tagNumber})`);
  }
  // A copy, so that nothing keeps the whole receive buffer alive through a view.
  return {
    tagClass,
    tagNumber,
    constructed: false,
    children: [],
    bytes: Buffer.from(block.valueHexView),
  };
}

/** A primitive INTEGER or ENUMERATED as a number (two's complement, at most 6 bytes). */
export function integerOf(node: BerNode): number {
  if (node.constructed || node.bytes.length === 0 || node.bytes.length > 6) {
    throw new BerError(`not an integer (tag ${node.tagNumber})`);
  }
  return node.bytes.readIntBE(0, node.bytes.length);
}

export function booleanOf(node: BerNode): boolean {
  if (node.constructed || node.bytes.length !== 1) {
    throw new BerError(`not a boolean (tag ${node.tagNumber})`);
  }
  return node.bytes[0] !== 0;
}

export function octetsOf(node: BerNode): Buffer {
  if (node.constructed) {
    throw new BerError(`not a primitive string (tag ${node.tagNumber})`);
  }
  return node.bytes;
}

export function stringOf(node: BerNode): string {
  return octetsOf(node).toString('utf8');
}

/** The child at `index`, which the caller's grammar says must be there. */
export function childAt(node: BerNode, index: number): BerNode {
  const child = node.children[index];
  if (child === undefined) {
    throw new BerError(`element with tag ${node.tagNumber} has no child ${index}`);
  }
  return child;
}

export function sequence(children: readonly BerElement[]): BerElement {
  return new asn1js.Sequence({ value: [...children] });
}

export function set(children: readonly BerElement[]): BerElement {
  return new asn1js.Set({ value: [...children] });
}

export function octetString(value: Buffer | string): BerElement {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return new asn1js.OctetString({ valueHex: bytes });
}

export function integer(value: number): BerElement {
  return new asn1js.Integer({ value });
}

export function enumerated(value: number): BerElement {
  return new asn1js.Enumerated({ value });
}

export function boolean(value: boolean): BerElement {
  return new asn1js.Boolean({ value });
}

/** An implicitly tagged constructed element, such as `[APPLICATION 4] SearchResultEntry`. */
export function taggedConstructed(
  tagClass: number,
  tagNumber: number,
  children: readonly BerElement[],
): BerElement {
  return new asn1js.Constructed({ idBlock: { tagClass, tagNumber }, value: [...children] });
}

/** An implicitly tagged primitive element, such as `[7] serverSaslCreds`. */
export function taggedPrimitive(tagClass: number, tagNumber: number, bytes: Buffer): BerElement {
  return new asn1js.Primitive({ idBlock: { tagClass, tagNumber }, valueHex: bytes });
}

export function encode(element: BerElement): Buffer {
  return Buffer.from(element.toBER());
}

import type { BerNode } from './ber';
import { BerError, TagClass, booleanOf, childAt, octetsOf, stringOf } from './ber';

/**
 * A search filter as RFC 4511 section 4.5.1.7 defines it. Assertion values stay bytes: an
 * objectGUID filter carries 16 raw bytes, which a string would mangle.
 */
export type Filter =
  | { readonly type: 'and' | 'or'; readonly filters: readonly Filter[] }
  | { readonly type: 'not'; readonly filter: Filter }
  | {
      readonly type: 'equality' | 'greaterOrEqual' | 'lessOrEqual' | 'approx';
      readonly attribute: string;
      readonly value: Buffer;
    }
  | {
      readonly type: 'substrings';
      readonly attribute: string;
      readonly initial: Buffer | null;
      readonly any: readonly Buffer[];
      readonly final: Buffer | null;
    }
  | { readonly type: 'present'; readonly attribute: string }
  | {
      readonly type: 'extensible';
      readonly rule: string | null;
      readonly attribute: string | null;
      readonly value: Buffer;
      readonly dnAttributes: boolean;
    };

// Filter ::= CHOICE { and [0], or [1], not [2], equalityMatch [3], substrings [4],
// greaterOrEqual [5], lessOrEqual [6], present [7], approxMatch [8], extensibleMatch [9] }
const AVA_TYPES = {
  3: 'equality',
  5: 'greaterOrEqual',
  6: 'lessOrEqual',
  8: 'approx',
} as const;

export function decodeFilter(node: BerNode): Filter {
  if (node.tagClass !== TagClass.context) {
    throw new BerError(`a filter is context-tagged, not class ${node.tagClass}`);
  }
  switch (node.tagNumber) {
    case 0:
    case 1:
      return {
        type: node.tagNumber === 0 ? 'and' : 'or',
        filters: node.children.map((child) => decodeFilter(child)),
      };
    case 2:
      return { type: 'not', filter: decodeFilter(childAt(node, 0)) };
    case 3:
    case 5:
    case 6:
    case 8:
      return {
        type: AVA_TYPES[node.tagNumber],
        attribute: stringOf(childAt(node, 0)),
        value: octetsOf(childAt(node, 1)),
      };
    case 4:
      return decodeSubstrings(node);
    case 7:
      return { type: 'present', attribute: stringOf(node) };
    case 9:
      return decodeExtensible(node);
    default:
      throw new BerError(`unknown filter choice [${node.tagNumber}]`);
  }
}

function decodeSubstrings(node: BerNode): Filter {
  let initial: Buffer | null = null;
  let final: Buffer | null = null;
  const any: Buffer[] = [];
  for (const part of childAt(node, 1).children) {
    // substrings SEQUENCE OF CHOICE { initial [0], any [1], final [2] }
    if (part.tagNumber === 0) {
      initial = octetsOf(part);
    } else if (part.tagNumber === 1) {
      any.push(octetsOf(part));
    } else if (part.tagNumber === 2) {
      final = octetsOf(part);
    } else {
      throw new BerError(`unknown substring choice [${part.tagNumber}]`);
    }
  }
  return { type: 'substrings', attribute: stringOf(childAt(node, 0)), initial, any, final };
}

function decodeExtensible(node: BerNode): Filter {
  let rule: string | null = null;
  let attribute: string | null = null;
  let value: Buffer | null = null;
  let dnAttributes = false;
  // MatchingRuleAssertion ::= SEQUENCE { matchingRule [1] OPTIONAL, type [2] OPTIONAL,
  // matchValue [3], dnAttributes [4] BOOLEAN DEFAULT FALSE }
  for (const part of node.children) {
    if (part.tagNumber === 1) {
      rule = stringOf(part);
    } else if (part.tagNumber === 2) {
      attribute = stringOf(part);
    } else if (part.tagNumber === 3) {
      value = octetsOf(part);
    } else if (part.tagNumber === 4) {
      dnAttributes = booleanOf(part);
    }
  }
  if (value === null) {
    throw new BerError('an extensible match without matchValue');
  }
  return { type: 'extensible', rule, attribute, value, dnAttributes };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * An assertion value in RFC 4515 string form: the special characters escaped, and bytes that are
 * not text (an objectGUID) written as `\xx` each.
 */
export function escapeFilterValue(value: Buffer): string {
  let text: string;
  try {
    text = utf8.decode(value);
  } catch {
    return [...value].map((byte) => `\\${byte.toString(16).padStart(2, '0')}`).join('');
  }
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[*()\\\u0000-\u001f]/g,
    (char) => `\\${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

/** The filter in RFC 4515 string form, as recorded for tests to assert on. */
export function filterToString(filter: Filter): string {
  switch (filter.type) {
    case 'and':
      return `(&${filter.filters.map(filterToString).join('')})`;
    case 'or':
      return `(|${filter.filters.map(filterToString).join('')})`;
    case 'not':
      return `(!${filterToString(filter.filter)})`;
    case 'equality':
      return `(${filter.attribute}=${escapeFilterValue(filter.value)})`;
    case 'greaterOrEqual':
      return `(${filter.attribute}>=${escapeFilterValue(filter.value)})`;
    case 'lessOrEqual':
      return `(${filter.attribute}<=${escapeFilterValue(filter.value)})`;
    case 'approx':
      return `(${filter.attribute}~=${escapeFilterValue(filter.value)})`;
    case 'present':
      return `(${filter.attribute}=*)`;
    case 'substrings': {
      const parts = [filter.initial, ...filter.any, filter.final].map((part) =>
        part === null ? '' : escapeFilterValue(part),
      );
      return `(${filter.attribute}=${parts.join('*')})`;
    }
    case 'extensible': {
      const dn = filter.dnAttributes ? ':dn' : '';
      const rule = filter.rule === null ? '' : `:${filter.rule}`;
      return `(${filter.attribute ?? ''}${dn}${rule}:=${escapeFilterValue(filter.value)})`;
    }
  }
}

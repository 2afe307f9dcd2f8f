import type { AdLikeValue, StoredEntry } from './directory';
import { dnKey, leafRdn } from './dn';
import type { Filter } from './filter';

/** RFC 4511 section 4.5.1.7: a filter item is TRUE, FALSE or Undefined. */
type Truth = boolean | 'undefined';

/** Looks up entries by DN key, for the in-chain rule that walks from object to object. */
export type EntryLookup = (key: string) => StoredEntry | undefined;

// AD's matching rules (MS-ADTS 3.1.1.3.4.4): bitwise AND, bitwise OR, transitive link walk.
export const LDAP_MATCHING_RULE_BIT_AND = '1.2.840.113556.1.4.803';
export const LDAP_MATCHING_RULE_BIT_OR = '1.2.840.113556.1.4.804';
export const LDAP_MATCHING_RULE_IN_CHAIN = '1.2.840.113556.1.4.1941';

// Attributes whose values are DNs, compared as DNs (`CN=A, DC=x` equals `cn=a,dc=x`).
const DN_ATTRIBUTES = new Set([
  'distinguishedname',
  'member',
  'memberof',
  'manager',
  'directreports',
  'managedby',
  'objectcategory',
]);

/** Whether the entry matches; Undefined counts as no match, as for any LDAP server. */
export function matchesFilter(filter: Filter, entry: StoredEntry, lookup: EntryLookup): boolean {
  return evaluate(filter, entry, lookup) === true;
}

function evaluate(filter: Filter, entry: StoredEntry, lookup: EntryLookup): Truth {
  switch (filter.type) {
    case 'and': {
      const results = filter.filters.map((item) => evaluate(item, entry, lookup));
      return results.includes(false) ? false : results.includes('undefined') ? 'undefined' : true;
    }
    case 'or': {
      const results = filter.filters.map((item) => evaluate(item, entry, lookup));
      return results.includes(true) ? true : results.includes('undefined') ? 'undefined' : false;
    }
    case 'not': {
      const result = evaluate(filter.filter, entry, lookup);
      return result === 'undefined' ? result : !result;
    }
    case 'present':
      // Every AD object has an objectClass, whatever the test wrote down.
      return (
        filter.attribute.toLowerCase() === 'objectclass' ||
        valuesOf(entry, filter.attribute).length > 0
      );
    case 'equality':
    case 'approx':
      return valuesOf(entry, filter.attribute).some((value) =>
        equalValues(filter.attribute, value, filter.value),
      );
    case 'greaterOrEqual':
      return valuesOf(entry, filter.attribute).some(
        (value) => compareValues(value, filter.value) >= 0,
      );
    case 'lessOrEqual':
      return valuesOf(entry, filter.attribute).some(
        (value) => compareValues(value, filter.value) <= 0,
      );
    case 'substrings':
      return valuesOf(entry, filter.attribute).some((value) => matchesSubstrings(value, filter));
    case 'extensible':
      return evaluateExtensible(filter, entry, lookup);
  }
}

function valuesOf(entry: StoredEntry, attribute: string): readonly AdLikeValue[] {
  return entry.attributes.get(attribute.toLowerCase())?.values ?? [];
}

function asText(value: AdLikeValue): string {
  return typeof value === 'string' ? value : value.toString('utf8');
}

function equalValues(attribute: string, stored: AdLikeValue, asserted: Buffer): boolean {
  if (Buffer.isBuffer(stored)) {
    return stored.equals(asserted);
  }
  const lower = attribute.toLowerCase();
  const text = asserted.toString('utf8');
  // AD lets a filter name a class for objectCategory, `(objectCategory=person)`, and compares
  // it with the class's defaultObjectCategory DN, `CN=Person,CN=Schema,...`.
  if (lower === 'objectcategory' && !text.includes('=')) {
    return leafRdn(stored)[1].toLowerCase() === text.toLowerCase();
  }
  if (DN_ATTRIBUTES.has(lower)) {
    return dnKey(stored) === dnKey(text);
  }
  // AD's Unicode string syntaxes match case-insensitively.
  return stored.toLowerCase() === text.toLowerCase();
}

const INTEGER = /^-?\d+$/;

/** Integers (userAccountControl, uSNChanged) numerically, everything else as folded text. */
function compareValues(stored: AdLikeValue, asserted: Buffer): number {
  const left = asText(stored);
  const right = asserted.toString('utf8');
  if (INTEGER.test(left) && INTEGER.test(right)) {
    const difference = BigInt(left) - BigInt(right);
    return difference === 0n ? 0 : difference > 0n ? 1 : -1;
  }
  const a = left.toLowerCase();
  const b = right.toLowerCase();
  return a === b ? 0 : a > b ? 1 : -1;
}

function matchesSubstrings(
  stored: AdLikeValue,
  filter: Extract<Filter, { type: 'substrings' }>,
): boolean {
  const text = asText(stored).toLowerCase();
  const fold = (part: Buffer): string => part.toString('utf8').toLowerCase();
  let position = 0;
  if (filter.initial !== null) {
    const initial = fold(filter.initial);
    if (!text.startsWith(initial)) {
      return false;
    }
    position = initial.length;
  }
  for (const part of filter.any) {
    const found = text.indexOf(fold(part), position);
    if (found === -1) {
      return false;
    }
    position = found + fold(part).length;
  }
  if (filter.final !== null) {
    const final = fold(filter.final);
    return text.length - final.length >= position && text.endsWith(final);
  }
  return true;
}

function evaluateExtensible(
  filter: Extract<Filter, { type: 'extensible' }>,
  entry: StoredEntry,
  lookup: EntryLookup,
): Truth {
  if (filter.attribute === null) {
    // A rule applied to every attribute: nothing in AD's filters needs it.
    return 'undefined';
  }
  const values = valuesOf(entry, filter.attribute);
  switch (filter.rule) {
    case null:
      return values.some((value) => equalValues(filter.attribute ?? '', value, filter.value));
    case LDAP_MATCHING_RULE_BIT_AND:
    case LDAP_MATCHING_RULE_BIT_OR: {
      const asserted = filter.value.toString('utf8');
      if (!INTEGER.test(asserted)) {
        return 'undefined';
      }
      const mask = BigInt(asserted);
      return values.some((value) => {
        const text = asText(value);
        if (!INTEGER.test(text)) {
          return false;
        }
        const bits = BigInt(text) & mask;
        return filter.rule === LDAP_MATCHING_RULE_BIT_AND ? bits === mask : bits !== 0n;
      });
    }
    case LDAP_MATCHING_RULE_IN_CHAIN:
      return reachesInChain(entry, filter.attribute, dnKey(filter.value.toString('utf8')), lookup);
    default:
      return 'undefined';
  }
}

/**
 * LDAP_MATCHING_RULE_IN_CHAIN: whether following `attribute`'s DN values from object to object
 * (memberOf up through nested groups, or member down) reaches `target`. Cycles end the walk.
 */
function reachesInChain(
  start: StoredEntry,
  attribute: string,
  target: string,
  lookup: EntryLookup,
): boolean {
  const seen = new Set<string>([start.key]);
  const queue: StoredEntry[] = [start];
  for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
    for (const value of valuesOf(entry, attribute)) {
      const key = dnKey(asText(value));
      if (key === target) {
        return true;
      }
      const next = lookup(key);
      if (!seen.has(key) && next !== undefined) {
        seen.add(key);
        queue.push(next);
      }
    }
  }
  return false;
}

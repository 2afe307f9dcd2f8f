import type { AdLikeValue, StoredEntry } from './directory';
import type { AttributeRequest, RangedAnswer } from './range';
import { parseAttributeRequest, plainValues, rangedValues } from './range';

export type ReturnedAttribute = RangedAnswer<AdLikeValue>;

/**
 * The attributes an entry is returned with for a search's attribute list (RFC 4511 4.5.1.8):
 * none listed or `*` means all, `1.1` alone means none, names ignore case. Large attributes are
 * ranged as AD ranges them. Throws RangeSyntaxError for a range option AD cannot read.
 */
export function selectAttributes(
  entry: StoredEntry,
  requested: readonly string[],
  typesOnly: boolean,
  maxValRange: number,
): ReturnedAttribute[] {
  const requests = requested.filter((name) => name !== '1.1').map(parseAttributeRequest);
  const all = requested.length === 0 || requested.includes('*');
  const plain = new Set<string>();
  const ranged = new Map<string, AttributeRequest[]>();
  for (const request of requests) {
    const lower = request.name.toLowerCase();
    if (request.range === null) {
      plain.add(lower);
    } else {
      ranged.set(lower, [...(ranged.get(lower) ?? []), request]);
    }
  }

  const answer: ReturnedAttribute[] = [];
  for (const [lower, attribute] of entry.attributes) {
    const rangeRequests = ranged.get(lower);
    if (rangeRequests !== undefined) {
      // An explicit range wins over `*` or the plain name for the same attribute.
      for (const { range } of rangeRequests) {
        if (range !== null) {
          answer.push(rangedValues(attribute.name, attribute.values, range, maxValRange));
        }
      }
    } else if (all || plain.has(lower)) {
      answer.push(...plainValues(attribute.name, attribute.values, maxValRange));
    }
  }
  return typesOnly ? answer.map(({ type }) => ({ type, values: [] })) : answer;
}

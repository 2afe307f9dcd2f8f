/**
 * Active Directory's ranged retrieval. Above MaxValRange values (1,500 by default) AD answers a
 * request for `member` with `member;range=0-1499` (and an empty `member`); the client asks for
 * `member;range=1500-*` and so on until a range ends in `*`. Upstream never asked, so large
 * groups lost every member after the first 1,500.
 */

export interface RangedChunk {
  /** The values of this answer: the plain attribute's and the ranged one's. */
  readonly values: readonly (string | Buffer)[];
  /** The attribute to ask for next (`member;range=1500-*`), or null when the values are complete. */
  readonly next: string | null;
  /** Whether the answer held a ranged form of the attribute at all. */
  readonly ranged: boolean;
}

type AttributeValue = string | Buffer | readonly (string | Buffer)[];

const RANGE = /^(.+);range=(\d+)-(\d+|\*)$/i;

/** What an entry holds of `attribute`, and whether more must be asked for. */
export function rangedChunk(
  entry: Readonly<Record<string, AttributeValue | undefined>>,
  attribute: string,
): RangedChunk {
  const wanted = attribute.toLowerCase();
  const values: (string | Buffer)[] = [];
  let next: string | null = null;
  let ranged = false;
  for (const [key, value] of Object.entries(entry)) {
    if (value === undefined) {
      continue;
    }
    const range = RANGE.exec(key);
    const name = (range?.[1] ?? key).toLowerCase();
    if (name !== wanted) {
      continue;
    }
    values.push(...(Array.isArray(value) ? value : [value as string | Buffer]));
    const end = range?.[3];
    ranged ||= end !== undefined;
    if (end !== undefined && end !== '*') {
      next = `${attribute};range=${Number(end) + 1}-*`;
    }
  }
  return { values, next, ranged };
}

/**
 * Every value of a possibly ranged attribute: asks `fetch` (a base search of the entry for one
 * attribute) until AD says the range is complete. A server that answers a continuation with no
 * ranged attribute at all is an error, never a silently short member list.
 */
export async function allRangedValues(
  first: RangedChunk,
  attribute: string,
  fetch: (rangedAttribute: string) => Promise<Readonly<Record<string, AttributeValue | undefined>>>,
): Promise<(string | Buffer)[]> {
  const values = [...first.values];
  let next = first.next;
  while (next !== null) {
    const asked = next;
    const chunk = rangedChunk(await fetch(asked), attribute);
    // No ranged answer, or one that would ask the same again: the group changed under the read
    // or the server is not AD. Either way the member list would be short.
    if (!chunk.ranged || chunk.next === asked) {
      throw new RangeRetrievalError(asked);
    }
    values.push(...chunk.values);
    next = chunk.next;
  }
  return values;
}

export class RangeRetrievalError extends Error {
  override readonly name = 'RangeRetrievalError';

  constructor(readonly asked: string) {
    super(`The server did not answer the ranged request for ${asked}.`);
  }
}

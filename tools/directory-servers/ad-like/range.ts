/**
 * Range retrieval, MS-ADTS 3.1.1.3.1.3.3: `member;range=low-high` asks for the values low..high
 * (zero-based, `*` = to the end). The answer names the values it holds the same way, with `*` as
 * the high bound once it holds the last value, and never more than MaxValRange of them.
 */

export interface RequestedRange {
  readonly low: number;
  /** null for `*`. */
  readonly high: number | null;
}

export interface AttributeRequest {
  /** The attribute type without options, as the client wrote it. */
  readonly name: string;
  readonly range: RequestedRange | null;
}

/** A range option AD cannot read; the search fails with unwillingToPerform (as Samba's does). */
export class RangeSyntaxError extends Error {
  override readonly name = 'RangeSyntaxError';
}

const RANGE_OPTION = /^range=(\d+)-(\d+|\*)$/i;

/** Splits `member;range=0-*` into the type and its range; other options are ignored. */
export function parseAttributeRequest(description: string): AttributeRequest {
  const [name = '', ...options] = description.split(';');
  let range: RequestedRange | null = null;
  for (const option of options) {
    if (!/^range=/i.test(option)) {
      continue;
    }
    const match = RANGE_OPTION.exec(option);
    if (match === null) {
      throw new RangeSyntaxError(`malformed range option in ${description}`);
    }
    const low = Number(match[1]);
    const high = match[2] === '*' ? null : Number(match[2]);
    if (!Number.isSafeInteger(low) || (high !== null && !Number.isSafeInteger(high))) {
      throw new RangeSyntaxError(`range bound too large in ${description}`);
    }
    if (high !== null && high < low) {
      throw new RangeSyntaxError(`range start after its end in ${description}`);
    }
    range = { low, high };
  }
  return { name, range };
}

export interface RangedAnswer<V> {
  /** The attribute description of the answer, such as `member;range=1500-*`. */
  readonly type: string;
  readonly values: readonly V[];
}

/**
 * The part of `values` a ranged request gets. Past the last value the answer is `low-*` with no
 * values (what Samba's tests, written against Windows, expect for `range=30-40` of 30 values).
 */
export function rangedValues<V>(
  name: string,
  values: readonly V[],
  range: RequestedRange,
  maxValRange: number,
): RangedAnswer<V> {
  const last = values.length - 1;
  const wanted = range.high ?? Number.POSITIVE_INFINITY;
  const high = Math.min(wanted, range.low + maxValRange - 1, last);
  if (range.low > last) {
    return { type: `${name};range=${range.low}-*`, values: [] };
  }
  const end = high === last ? '*' : String(high);
  return { type: `${name};range=${range.low}-${end}`, values: values.slice(range.low, high + 1) };
}

/**
 * What a request for the plain attribute gets. Up to MaxValRange values: all of them under the
 * plain name. Above it, AD answers as if `range=0-*` had been asked, and keeps the plain name
 * with no values next to it.
 */
export function plainValues<V>(
  name: string,
  values: readonly V[],
  maxValRange: number,
): RangedAnswer<V>[] {
  if (values.length <= maxValRange) {
    return [{ type: name, values }];
  }
  return [
    { type: name, values: [] },
    rangedValues(name, values, { low: 0, high: null }, maxValRange),
  ];
}

import type { Entry } from 'ldapts';

type Values = Entry[string] | readonly (string | Buffer)[];

/** The values of an attribute as text, whether ldapts returned strings or buffers. */
export function texts(value: Values | undefined): string[] {
  if (value === undefined) {
    return [];
  }
  const values = isList(value) ? value : [value];
  return values.map((item) => (Buffer.isBuffer(item) ? item.toString('utf8') : item));
}

// Array.isArray does not narrow a readonly array.
function isList(value: Values): value is readonly (string | Buffer)[] {
  return Array.isArray(value);
}

export function firstText(value: Entry[string] | undefined): string | undefined {
  return texts(value)[0];
}

/** The first value of a binary attribute (objectGUID, objectSid). */
export function firstBuffer(value: Entry[string] | undefined): Buffer | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return Buffer.isBuffer(first) ? first : undefined;
}

export function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * The subset of the Directory API's search syntax the connector's admins use: space-separated
 * clauses `field:value` (with a trailing `*`, a prefix) or `field=value`, values optionally quoted.
 * All clauses must hold. An unknown field or stray text is refused, as Google refuses it.
 */
export type FieldReader<T> = (entity: T, field: string) => string | boolean | undefined;

const CLAUSE = /\s*(\w+)\s*([:=])\s*('[^']*'|"[^"]*"|[^\s'"]+)/y;

export class InvalidQueryError extends Error {}

export function compileQuery<T>(
  query: string | null,
  fields: readonly string[],
  read: FieldReader<T>,
): (entity: T) => boolean {
  const clauses: { field: string; op: string; value: string }[] = [];
  const text = (query ?? '').trim();
  CLAUSE.lastIndex = 0;
  while (CLAUSE.lastIndex < text.length) {
    const match = CLAUSE.exec(text);
    if (!match) {
      throw new InvalidQueryError(`Invalid Input: ${text}`);
    }
    const [, field = '', op = '', raw = ''] = match;
    if (!fields.includes(field)) {
      throw new InvalidQueryError(`Invalid Input: unknown field ${field}`);
    }
    clauses.push({ field, op, value: raw.replace(/^['"]|['"]$/g, '') });
  }
  return (entity) => clauses.every((clause) => holds(read(entity, clause.field), clause));
}

function holds(
  actual: string | boolean | undefined,
  clause: { field: string; op: string; value: string },
): boolean {
  if (typeof actual === 'boolean') {
    return String(actual) === clause.value.toLowerCase();
  }
  const value = (actual ?? '').toLowerCase();
  const wanted = clause.value.toLowerCase();
  if (clause.field === 'orgUnitPath') {
    // An org unit query matches the unit and every unit below it.
    return value === wanted || value.startsWith(`${wanted.replace(/\/$/, '')}/`);
  }
  if (clause.op === ':' && wanted.endsWith('*')) {
    return value.startsWith(wanted.slice(0, -1));
  }
  return value === wanted;
}

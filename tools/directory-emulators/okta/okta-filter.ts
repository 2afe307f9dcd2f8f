/**
 * The subset of Okta's filter language (SCIM-like) the emulator understands: `attr op "value"`
 * with `eq`, `ne`, `gt`, `ge`, `lt`, `le`, `sw`, `co`, joined by `and`/`or`, with parentheses.
 * Attributes are dotted paths into the object (`status`, `lastUpdated`, `profile.department`,
 * `type`). Anything else is a 400, as Okta answers an invalid filter.
 */
export type OktaPredicate = (object: object) => boolean;

export class OktaFilterSyntaxError extends Error {}

export function parseOktaFilter(text: string): OktaPredicate {
  const tokens = tokenize(text);
  let position = 0;
  const peek = () => tokens[position];
  const take = () => {
    const token = tokens[position];
    position += 1;
    if (token === undefined) {
      throw new OktaFilterSyntaxError(`Invalid filter '${text}': unexpected end`);
    }
    return token;
  };
  const primary = (): OktaPredicate => {
    if (peek() === '(') {
      take();
      const inner = or();
      if (take() !== ')') {
        throw new OktaFilterSyntaxError(`Invalid filter '${text}': ')' expected`);
      }
      return inner;
    }
    const attribute = take();
    const op = take().toLowerCase();
    const raw = take();
    if (!/^"/.test(raw) && !/^(true|false|null|-?\d+)$/.test(raw)) {
      throw new OktaFilterSyntaxError(`Invalid filter '${text}': value expected after ${op}`);
    }
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\"/g, '"') : raw;
    return comparison(attribute, op, value, text);
  };
  const and = (): OktaPredicate => {
    let left = primary();
    while (peek()?.toLowerCase() === 'and') {
      take();
      const l = left;
      const r = primary();
      left = (o) => l(o) && r(o);
    }
    return left;
  };
  const or = (): OktaPredicate => {
    let left = and();
    while (peek()?.toLowerCase() === 'or') {
      take();
      const l = left;
      const r = and();
      left = (o) => l(o) || r(o);
    }
    return left;
  };
  const predicate = or();
  if (position !== tokens.length) {
    throw new OktaFilterSyntaxError(`Invalid filter '${text}': unexpected '${tokens[position]}'`);
  }
  return predicate;
}

function comparison(attribute: string, op: string, value: string, text: string): OktaPredicate {
  const read = (object: object): string | null => {
    let current: unknown = object;
    for (const part of attribute.split('.')) {
      current = (current as Record<string, unknown> | null | undefined)?.[part];
    }
    return current === undefined || current === null ? null : String(current);
  };
  const compare = (a: string, b: string) =>
    attribute === 'lastUpdated' || attribute === 'created'
      ? Date.parse(a) - Date.parse(b)
      : a.localeCompare(b);
  switch (op) {
    case 'eq':
      return (o) => read(o) === value;
    case 'ne':
      return (o) => read(o) !== value;
    case 'sw':
      return (o) => read(o)?.toLowerCase().startsWith(value.toLowerCase()) ?? false;
    case 'co':
      return (o) => read(o)?.toLowerCase().includes(value.toLowerCase()) ?? false;
    case 'gt':
    case 'ge':
    case 'lt':
    case 'le':
      return (o) => {
        const actual = read(o);
        if (actual === null) {
          return false;
        }
        const difference = compare(actual, value);
        return op === 'gt'
          ? difference > 0
          : op === 'ge'
            ? difference >= 0
            : op === 'lt'
              ? difference < 0
              : difference <= 0;
      };
    default:
      throw new OktaFilterSyntaxError(`Invalid filter '${text}': unknown operator '${op}'`);
  }
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const pattern = /\s*("(?:[^"\\]|\\.)*"|\(|\)|[^\s()"]+)/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    tokens.push(match[1] ?? '');
    if (pattern.lastIndex >= text.trimEnd().length) {
      break;
    }
  }
  if (tokens.join('').length === 0 && text.trim() !== '') {
    throw new OktaFilterSyntaxError(`Invalid filter '${text}'`);
  }
  return tokens;
}

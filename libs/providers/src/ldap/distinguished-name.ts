/**
 * Distinguished names compared the way a directory compares them, so a group's `member` value
 * written as `CN=Smith\, John ,OU=People, dc=example,dc=com` still finds the user whose DN the
 * server returned as `cn=Smith\, John,ou=People,dc=example,dc=com`. Upstream compared the raw
 * strings and lost such members.
 *
 * The canonical form: attribute types and values lower-cased (the attributes DNs use, cn, ou, dc,
 * uid, o, ..., match case-insensitively), spaces around separators dropped, escapes (`\,` or
 * `\2C`) resolved and re-escaped one way, the parts of a multi-valued RDN (`a=1+b=2`) sorted.
 */
export function normaliseDn(dn: string): string {
  // Most DNs arrive as servers write them, canonical but for case; parsing them all cost a
  // quarter of a 100,000-user read.
  if (PLAIN_DN.test(dn)) {
    return dn.toLowerCase();
  }
  return parseDn(dn)
    .map((rdn) =>
      rdn
        .map(([type, value]) => `${type.toLowerCase()}=${escapeValue(value.toLowerCase())}`)
        .sort()
        .join('+'),
    )
    .join(',');
}

/**
 * A DN the parser would return lower-cased and otherwise unchanged: printable ASCII, one
 * `type=value` per RDN, no blanks around separators or at the ends of values, nothing to escape.
 */
const PLAIN_VALUE = String.raw`(?:[^\s\\"+;#<>=,](?:[^\\"+;<>=,]*[^\s\\"+;<>=,])?)?`;
const PLAIN_RDN = String.raw`[A-Za-z][\w-]*=${PLAIN_VALUE}`;
const PLAIN_DN = new RegExp(String.raw`^(?=[ -~]*$)${PLAIN_RDN}(?:,${PLAIN_RDN})*$`);

/** Whether the text looks like a DN rather than a bare `memberUid` value. */
export function looksLikeDn(value: string): boolean {
  return /^\s*[A-Za-z][\w-]*\s*=/.test(value) || /^\s*\d+(\.\d+)+\s*=/.test(value);
}

type Rdn = [type: string, value: string][];

/** RFC 4514, leniently: unescaped spaces around separators are ignored. */
function parseDn(dn: string): Rdn[] {
  const rdns: Rdn[] = [];
  let rdn: Rdn = [];
  let type = '';
  let value = '';
  let inValue = false;
  let trailingSpaces = 0;
  const endAttribute = () => {
    rdn.push([type.trim(), value.slice(0, value.length - trailingSpaces)]);
    type = '';
    value = '';
    inValue = false;
    trailingSpaces = 0;
  };
  for (let index = 0; index < dn.length; index += 1) {
    const char = dn[index] as string;
    if (!inValue) {
      if (char === '=') {
        inValue = true;
      } else {
        type += char;
      }
      continue;
    }
    if (char === '\\') {
      const hex = dn.slice(index + 1, index + 3);
      if (/^[0-9a-fA-F]{2}$/.test(hex)) {
        const bytes = [Number.parseInt(hex, 16)];
        index += 2;
        while (dn[index + 1] === '\\' && /^[0-9a-fA-F]{2}$/.test(dn.slice(index + 2, index + 4))) {
          bytes.push(Number.parseInt(dn.slice(index + 2, index + 4), 16));
          index += 3;
        }
        value += Buffer.from(bytes).toString('utf8');
      } else {
        value += dn[index + 1] ?? '';
        index += 1;
      }
      trailingSpaces = 0;
    } else if (char === ',' || char === ';' || char === '+') {
      endAttribute();
      if (char !== '+') {
        rdns.push(rdn);
        rdn = [];
      }
    } else if (char === ' ' && value === '') {
      // Leading spaces of a value are not part of it.
    } else {
      value += char;
      trailingSpaces = char === ' ' ? trailingSpaces + 1 : 0;
    }
  }
  if (inValue || type.trim() !== '') {
    endAttribute();
  }
  if (rdn.length > 0) {
    rdns.push(rdn);
  }
  return rdns;
}

/** One escaping for every value: the specials, and spaces or `#` where they would be dropped. */
function escapeValue(value: string): string {
  let escaped = value.replace(/[\\,+"<>;=]/g, (char) => `\\${char}`);
  escaped = escaped.replace(/^([ #])/, '\\$1');
  return escaped.replace(/ $/, '\\ ');
}

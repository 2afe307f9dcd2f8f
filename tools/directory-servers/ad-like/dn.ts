/**
 * Distinguished names as AD compares them: case-insensitively, with the blanks around `,` and `=`
 * not significant. Escaped commas (`CN=Smith\, John`) stay inside their RDN.
 */

/** The RDNs of `dn` as written (trimmed), leaf first; `[]` for the empty DN. */
export function splitDn(dn: string): string[] {
  const rdns: string[] = [];
  let current = '';
  for (let index = 0; index < dn.length; index += 1) {
    const char = dn.charAt(index);
    if (char === '\\' && index + 1 < dn.length) {
      current += char + dn.charAt(index + 1);
      index += 1;
    } else if (char === ',') {
      rdns.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim() !== '' || rdns.length > 0) {
    rdns.push(current.trim());
  }
  return rdns;
}

function normalizeRdn(rdn: string): string {
  const equals = rdn.indexOf('=');
  if (equals === -1) {
    return rdn.toLowerCase();
  }
  return `${rdn.slice(0, equals).trim()}=${rdn.slice(equals + 1).trim()}`.toLowerCase();
}

/** A comparison key: equal for two spellings of the same DN. */
export function dnKey(dn: string): string {
  return splitDn(dn).map(normalizeRdn).join(',');
}

/** Whether the entry `key` is `base` itself or below it (both are dnKey results). */
export function isAtOrBelow(key: string, base: string): boolean {
  return base === '' || key === base || key.endsWith(`,${base}`);
}

/** The key of the parent entry; '' for a top-level entry. */
export function parentKey(key: string): string {
  const rdns = splitDn(key);
  return rdns.slice(1).join(',');
}

/** The attribute type and value of the leaf RDN: `OU=Users,...` gives `['OU', 'Users']`. */
export function leafRdn(dn: string): [type: string, value: string] {
  const leaf = splitDn(dn)[0] ?? '';
  const equals = leaf.indexOf('=');
  return [leaf.slice(0, equals).trim(), leaf.slice(equals + 1).trim()];
}

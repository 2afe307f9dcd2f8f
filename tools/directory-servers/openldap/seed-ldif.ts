import { createHash, randomBytes } from 'node:crypto';

/** One LDIF record, kept as its unfolded attribute lines so values (base64 included) pass through. */
interface LdifEntry {
  readonly dnLine: string;
  readonly key: string;
  readonly depth: number;
  readonly lines: string[];
}

export interface SeedAccount {
  readonly dn: string;
  readonly password: string;
}

/**
 * Compares DNs the way the fixtures need: case-insensitively and ignoring the blanks that some
 * upstream files put after commas (`dc=bitwarden, dc=com`). Escaped commas are not handled,
 * which the fixtures do not use.
 */
export function dnKey(dn: string): string {
  return dn
    .trim()
    .toLowerCase()
    .replace(/\s*,\s*/g, ',')
    .replace(/\s*=\s*/g, '=');
}

/** `{SSHA}` hash, so no cleartext passwords sit in the generated config or database. */
export function sshaHash(password: string): string {
  const salt = randomBytes(8);
  const digest = createHash('sha1').update(password).update(salt).digest();
  return `{SSHA}${Buffer.concat([digest, salt]).toString('base64')}`;
}

function attributeOf(line: string): { name: string; value: string } {
  const colon = line.indexOf(':');
  if (colon < 0) {
    throw new Error(`not an LDIF attribute line: ${line}`);
  }
  const name = line.slice(0, colon).trim().toLowerCase();
  const rest = line.slice(colon + 1);
  if (rest.startsWith(':')) {
    return { name, value: Buffer.from(rest.slice(1).trim(), 'base64').toString('utf8') };
  }
  return { name, value: rest.trim() };
}

/** Splits LDIF text into records: unfolds continuation lines, drops comments and `version:`. */
function parseLdif(text: string, source: string): LdifEntry[] {
  const entries: LdifEntry[] = [];
  const records = text.replace(/\r\n/g, '\n').split(/\n[ \t]*\n/);
  for (const record of records) {
    const lines: string[] = [];
    for (const raw of record.split('\n')) {
      if (raw.startsWith(' ')) {
        // A folded line continues the previous one; inside a comment it continues the comment.
        if (lines.length > 0) {
          lines[lines.length - 1] += raw.slice(1);
        }
      } else if (raw.startsWith('#')) {
        lines.push('#');
      } else if (raw.trim() !== '') {
        lines.push(raw);
      }
    }
    const content = lines.filter((line) => line !== '#');
    const first = content[0];
    if (first === undefined || /^version\s*:/i.test(first)) {
      continue;
    }
    const dnAttribute = attributeOf(first);
    if (dnAttribute.name !== 'dn') {
      throw new Error(`${source}: record does not start with dn: ${first}`);
    }
    const body: string[] = [];
    for (const line of content.slice(1)) {
      const { name, value } = attributeOf(line);
      if (name === 'changetype') {
        // slapadd only adds entries; anything else would need a running server and ldapmodify.
        if (value.toLowerCase() !== 'add') {
          throw new Error(`${source}: ${dnAttribute.value}: changetype ${value} is not supported`);
        }
        continue;
      }
      body.push(line);
    }
    const key = dnKey(dnAttribute.value);
    entries.push({ dnLine: first, key, depth: key.split(',').length, lines: body });
  }
  return entries;
}

function isGroupOfNames(entry: LdifEntry): boolean {
  return entry.lines.some((line) => {
    const { name, value } = attributeOf(line);
    return name === 'objectclass' && value.toLowerCase() === 'groupofnames';
  });
}

export interface SeedInput {
  readonly suffix: string;
  readonly reader: SeedAccount;
  /** Each source's LDIF text with a name for error messages. */
  readonly sources: readonly { readonly name: string; readonly text: string }[];
}

/**
 * Builds the single LDIF that `slapadd` loads: the suffix entry (unless a seed brings its own),
 * the reader account, then the seeds. Later records with an already seen DN are dropped, because
 * upstream's fixtures each carry the root entry and some share OUs. Records are ordered parents
 * first, and `memberOf` is written into the members of every groupOfNames: slapadd bypasses the
 * memberof overlay, which only maintains it on LDAP writes.
 */
export function buildSeedLdif(input: SeedInput): string {
  const [suffixRdn] = input.suffix.split(',');
  const suffixValue = suffixRdn?.split('=')[1] ?? 'bitwarden';
  const base: LdifEntry[] = parseLdif(
    [
      `dn: ${input.suffix}\nobjectClass: dcObject\nobjectClass: organization\ndc: ${suffixValue}\no: ${suffixValue}`,
      `dn: ${input.reader.dn}\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\n` +
        `cn: reader\ndescription: Ordinary account: subject to the size limit, unlike the root DN\n` +
        `userPassword: ${sshaHash(input.reader.password)}`,
    ].join('\n\n'),
    'built-in entries',
  );
  const seeded = input.sources.flatMap((source) => parseLdif(source.text, source.name));
  const suffixKey = dnKey(input.suffix);
  const ordered = seeded.some((entry) => entry.key === suffixKey)
    ? [...seeded, ...base.filter((entry) => entry.key !== suffixKey)]
    : [...base, ...seeded];

  const byKey = new Map<string, LdifEntry>();
  for (const entry of ordered) {
    if (!byKey.has(entry.key)) {
      byKey.set(entry.key, entry);
    }
  }
  const entries = [...byKey.values()];

  for (const group of entries.filter(isGroupOfNames)) {
    const groupDn = attributeOf(group.dnLine).value;
    for (const line of group.lines) {
      const { name, value } = attributeOf(line);
      const member = name === 'member' ? byKey.get(dnKey(value)) : undefined;
      if (member === undefined) {
        continue;
      }
      const already = member.lines.some((candidate) => {
        const attribute = attributeOf(candidate);
        return attribute.name === 'memberof' && dnKey(attribute.value) === dnKey(groupDn);
      });
      if (!already) {
        member.lines.push(`memberOf: ${groupDn}`);
      }
    }
  }

  // Array.prototype.sort is stable, so entries of equal depth keep their file order.
  entries.sort((a, b) => a.depth - b.depth);
  return entries.map((entry) => [entry.dnLine, ...entry.lines].join('\n')).join('\n\n') + '\n';
}

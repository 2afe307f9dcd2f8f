/**
 * A reader for the content subset of LDIF (RFC 2849) that directory exports use: entries of
 * `attribute: value` lines, `::` base64 values, folded lines, comments, `version: 1`, and
 * `changetype: add` (which `slapcat` and the OpenLDAP seed files write). Change records that
 * modify or delete are not an export and are refused; so are `:<` values, which would make the
 * connector read whatever local file or URL the export names.
 */

/** One entry: its DN and its attribute values, keyed by lower-cased type without options. */
export interface LdifEntry {
  readonly dn: string;
  /** The line of the entry's `dn:`. */
  readonly line: number;
  readonly attributes: ReadonlyMap<string, readonly Buffer[]>;
}

/** The text is not LDIF; `line` is where the problem is (1-based). */
export class LdifSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'LdifSyntaxError';
  }
}

/** A line once its folded continuations are joined back on. */
interface LogicalLine {
  text: string;
  readonly line: number;
}

export function parseLdif(text: string): LdifEntry[] {
  const records = logicalRecords(text);
  const first = records[0]?.[0];
  if (first && /^version:/i.test(first.text)) {
    if (!/^version:\s*1\s*$/i.test(first.text)) {
      throw new LdifSyntaxError(first.line, `unsupported ${first.text}; only version 1 exists`);
    }
    records[0]?.shift();
  }
  return records.filter((record) => record.length > 0).map(entryOf);
}

/** Splits the text into records (blank-line separated) of logical lines, comments dropped. */
function logicalRecords(text: string): LogicalLine[][] {
  const records: LogicalLine[][] = [[]];
  let current: LogicalLine | undefined;
  let inComment = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.startsWith(' ')) {
      // A folded line continues whatever came before it, a comment included.
      if (inComment) {
        return;
      }
      if (!current) {
        throw new LdifSyntaxError(line, 'a continued line (starting with a space) follows no line');
      }
      current.text += raw.slice(1);
      return;
    }
    inComment = raw.startsWith('#');
    if (inComment) {
      return;
    }
    if (raw === '') {
      current = undefined;
      if (records.at(-1)?.length !== 0) {
        records.push([]);
      }
      return;
    }
    current = { text: raw, line };
    records.at(-1)?.push(current);
  });
  return records;
}

function entryOf(record: readonly LogicalLine[]): LdifEntry {
  const [dnLine, ...lines] = record.map(attributeOf);
  if (!dnLine || dnLine.type !== 'dn') {
    throw new LdifSyntaxError(
      record[0]?.line ?? 0,
      `an entry must start with "dn:", not "${record[0]?.text.slice(0, 40) ?? ''}"`,
    );
  }
  const attributes = new Map<string, Buffer[]>();
  for (const { type, value, line } of lines) {
    if (type === 'changetype') {
      const change = value.toString('utf8').trim().toLowerCase();
      if (change !== 'add') {
        throw new LdifSyntaxError(
          line,
          `"changetype: ${change}" is a change to entries, not an export of them`,
        );
      }
      continue;
    }
    attributes.set(type, [...(attributes.get(type) ?? []), value]);
  }
  return { dn: dnLine.value.toString('utf8').trim(), line: dnLine.line, attributes };
}

const ATTRIBUTE_LINE = /^([A-Za-z0-9][A-Za-z0-9.;-]*):([:<]?)[ ]*(.*)$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function attributeOf({ text, line }: LogicalLine): { type: string; value: Buffer; line: number } {
  const match = ATTRIBUTE_LINE.exec(text);
  if (!match) {
    throw new LdifSyntaxError(line, `"${text.slice(0, 40)}" is not "attribute: value"`);
  }
  const [, description = '', kind, value = ''] = match;
  // Options (`cn;lang-de`, `userCertificate;binary`) do not change what the value means here.
  const type = (description.split(';')[0] ?? '').toLowerCase();
  if (kind === '<') {
    throw new LdifSyntaxError(line, `the value of ${type} is a URL; put the value in the file`);
  }
  if (kind === ':') {
    const encoded = value.trim();
    if (!BASE64.test(encoded) || encoded.length % 4 !== 0) {
      throw new LdifSyntaxError(line, `the value of ${type} is not valid base64`);
    }
    return { type, value: Buffer.from(encoded, 'base64'), line };
  }
  return { type, value: Buffer.from(value, 'utf8'), line };
}

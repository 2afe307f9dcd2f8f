import type { ImportRequest } from '../model/import-request';

const MEMBERS_PER_CHUNK = 1000;
const IDS_PER_CHUNK = 2000;

/**
 * Writes exactly `JSON.stringify(request)` for the contract's fields, in pieces of at most a few
 * thousand ids or a thousand members. A large import is thus hashed, and can be sent, without
 * ever being held as one string: small short-lived pieces stay in the young generation, where
 * allocating is cheap, instead of claiming and releasing megabytes of fresh memory per group.
 */
export function writeImportRequestJson(
  request: ImportRequest,
  write: (chunk: string) => void,
): void {
  write('{"groups":[');
  request.groups.forEach((group, index) => {
    const separator = index === 0 ? '' : ',';
    write(
      `${separator}{"name":${JSON.stringify(group.name)},"externalId":${JSON.stringify(group.externalId)},"memberExternalIds":`,
    );
    writeStringArray(group.memberExternalIds, write);
    write('}');
  });
  write('],"members":[');
  for (let start = 0; start < request.members.length; start += MEMBERS_PER_CHUNK) {
    // Objects of one shape take JSON.stringify's fast path; copying the three contract fields
    // guarantees the shape and drops anything else a caller's objects carry.
    const chunk = request.members
      .slice(start, start + MEMBERS_PER_CHUNK)
      .map(({ email, externalId, deleted }) => ({ email, externalId, deleted }));
    write(start === 0 ? '' : ',');
    write(JSON.stringify(chunk).slice(1, -1));
  }
  write(
    `],"overwriteExisting":${request.overwriteExisting},"largeImport":${request.largeImport},"inviteUsersAfterProvisioning":${request.inviteUsersAfterProvisioning}}`,
  );
}

/**
 * `JSON.stringify(values)` for a list of strings, written a couple of thousand ids at a time and
 * without gluing pieces into new strings (each glue would copy them once more).
 */
function writeStringArray(values: readonly string[], write: (chunk: string) => void): void {
  write('[');
  for (let start = 0; start < values.length; start += IDS_PER_CHUNK) {
    write(start === 0 ? '' : ',');
    writeStringListItems(values.slice(start, start + IDS_PER_CHUNK), write);
  }
  write(']');
}

/** Characters JSON.stringify escapes besides `"` and `\`: controls, and lone surrogates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const CONTROL_OR_SURROGATE = /[\u0000-\u001f\ud800-\udfff]/;

/**
 * The items of `JSON.stringify(values)` (without the brackets) for a non-empty list of strings.
 * Ids almost never need escaping, and joining them is nearly three times faster than the general
 * serialiser, which stays the answer for any list that does (any surrogate, even a valid pair,
 * takes that path too).
 */
function writeStringListItems(values: readonly string[], write: (chunk: string) => void): void {
  const plain = values.every((value) => !value.includes('"') && !value.includes('\\'));
  const joined = plain ? values.join('","') : '';
  if (!plain || CONTROL_OR_SURROGATE.test(joined)) {
    write(JSON.stringify(values).slice(1, -1));
    return;
  }
  write('"');
  write(joined);
  write('"');
}

/** The whole JSON of one request as a string, for requests small enough to hold at once. */
export function importRequestJson(request: ImportRequest): string {
  const chunks: string[] = [];
  writeImportRequestJson(request, (chunk) => chunks.push(chunk));
  return chunks.join('');
}

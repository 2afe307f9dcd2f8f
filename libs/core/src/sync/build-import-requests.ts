import { ConfigurationError } from '../errors/configuration.error';
import type { FlattenedGroup } from '../model/directory-group';
import type { NormalisedUser } from '../model/directory-user';
import type { ImportOptions } from '../model/import-options';
import type { ImportGroup, ImportMember, ImportRequest } from '../model/import-request';

/**
 * Entries per request in a large import. Upstream chose it to stay under nginx's default body
 * size limit; the Bitwarden cloud also refuses more than 2,000 of either kind without `largeImport`.
 */
export const IMPORT_BATCH_SIZE = 2000;

/**
 * The most bytes of JSON a batch of groups may hold, as estimated by `estimatedGroupBytes`. Groups
 * carry their flattened members, so 2,000 of them can weigh far more than the 30,000,000 bytes
 * Bitwarden's Kestrel accepts (a top group of 100,000 members is about 4.5 MB alone); this leaves
 * room for escaping and non-ASCII characters under that limit and under common proxy settings.
 */
export const IMPORT_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Builds the import request(s) exactly as upstream does: one request unless large import is on
 * and users + groups exceed the batch size; then users in batches, then groups in batches, each
 * with `largeImport: true` and `overwriteExisting: false`.
 *
 * @throws ConfigurationError when a batched import is asked to overwrite existing members.
 */
export function buildImportRequests(
  users: readonly NormalisedUser[],
  groups: readonly FlattenedGroup[],
  options: ImportOptions,
): ImportRequest[] {
  const members = users.map((user) => toImportMember(user, options.removeDisabled));
  const importGroups = groups.map(toImportGroup);

  if (!options.largeImport || members.length + importGroups.length <= IMPORT_BATCH_SIZE) {
    return [
      request(importGroups, members, {
        overwriteExisting: options.overwriteExisting,
        largeImport: false,
        inviteUsersAfterProvisioning: options.inviteUsersAfterProvisioning,
      }),
    ];
  }

  if (options.overwriteExisting) {
    throw new ConfigurationError(
      'LARGE_IMPORT_WITH_OVERWRITE',
      "You cannot use the 'Remove and re-add organization users during the next sync' option with large imports.",
      'Turn off sync.overwriteExisting, or turn off sync.largeImport if the directory has at most 2,000 users and groups.',
    );
  }
  const batchFlags = {
    overwriteExisting: false,
    largeImport: true,
    inviteUsersAfterProvisioning: options.inviteUsersAfterProvisioning,
  };
  return [
    ...chunk(members).map((batch) => request([], batch, batchFlags)),
    ...chunkGroups(importGroups).map((batch) => request(batch, [], batchFlags)),
  ];
}

function toImportMember(user: NormalisedUser, removeDisabled: boolean): ImportMember {
  return {
    email: user.email,
    externalId: user.externalId,
    deleted: user.deleted || (removeDisabled && user.disabled),
  };
}

function toImportGroup(group: FlattenedGroup): ImportGroup {
  return {
    name: group.name,
    externalId: group.externalId,
    memberExternalIds: group.memberExternalIds,
  };
}

type RequestFlags = Pick<
  ImportRequest,
  'overwriteExisting' | 'largeImport' | 'inviteUsersAfterProvisioning'
>;

/** Key order matters: it is the order upstream serialises, and the fingerprint hashes the JSON. */
function request(
  groups: readonly ImportGroup[],
  members: readonly ImportMember[],
  flags: RequestFlags,
): ImportRequest {
  return {
    groups,
    members,
    overwriteExisting: flags.overwriteExisting,
    largeImport: flags.largeImport,
    inviteUsersAfterProvisioning: flags.inviteUsersAfterProvisioning,
  };
}

function chunk<T>(items: readonly T[]): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += IMPORT_BATCH_SIZE) {
    batches.push(items.slice(start, start + IMPORT_BATCH_SIZE));
  }
  return batches;
}

/**
 * Groups in batches of at most IMPORT_BATCH_SIZE groups and IMPORT_BATCH_BYTES, in order. A group
 * heavier than the byte budget goes alone: its membership cannot be split, because the server
 * replaces a group's members with what one request names.
 */
function chunkGroups(groups: readonly ImportGroup[]): ImportGroup[][] {
  const batches: ImportGroup[][] = [];
  let batch: ImportGroup[] = [];
  let bytes = 0;
  for (const group of groups) {
    const size = estimatedGroupBytes(group);
    if (
      batch.length > 0 &&
      (batch.length === IMPORT_BATCH_SIZE || bytes + size > IMPORT_BATCH_BYTES)
    ) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(group);
    bytes += size;
  }
  if (batch.length > 0) {
    batches.push(batch);
  }
  return batches;
}

/** The group's JSON length for ASCII text: its strings plus quotes, commas and keys. */
function estimatedGroupBytes(group: ImportGroup): number {
  let bytes = 64 + group.name.length + group.externalId.length;
  for (const id of group.memberExternalIds) {
    bytes += id.length + 3;
  }
  return bytes;
}

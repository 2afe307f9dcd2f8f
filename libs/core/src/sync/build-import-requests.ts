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
    ...chunk(importGroups).map((batch) => request(batch, [], batchFlags)),
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

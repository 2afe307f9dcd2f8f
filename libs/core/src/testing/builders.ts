import type { DirectoryGroup } from '../model/directory-group';
import type { DirectoryUser } from '../model/directory-user';
import type { ImportOptions } from '../model/import-options';

/** A directory user named `id`: `id@example.com`, external and reference id `id`, active. */
export function aUser(id: string, overrides: Partial<DirectoryUser> = {}): DirectoryUser {
  return {
    externalId: id,
    referenceId: id,
    email: `${id}@example.com`,
    disabled: false,
    deleted: false,
    ...overrides,
  };
}

/**
 * A group named `id` (external and reference id `id`) whose direct members are the users and
 * nested groups given by their ids.
 */
export function aGroup(
  id: string,
  members: { users?: readonly string[]; groups?: readonly string[] } = {},
  overrides: Partial<DirectoryGroup> = {},
): DirectoryGroup {
  return {
    externalId: id,
    referenceId: id,
    name: id,
    userMemberExternalIds: members.users ?? [],
    groupMemberReferenceIds: members.groups ?? [],
    ...overrides,
  };
}

/** Upstream's defaults for a new install: every flag off. */
export function importOptions(overrides: Partial<ImportOptions> = {}): ImportOptions {
  return {
    removeDisabled: false,
    overwriteExisting: false,
    largeImport: false,
    inviteUsersAfterProvisioning: false,
    ...overrides,
  };
}

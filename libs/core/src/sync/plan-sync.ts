import { ConfigurationError } from '../errors/configuration.error';
import type { DirectoryGroup, FlattenedGroup } from '../model/directory-group';
import type { DirectoryNotice } from '../model/directory-notice';
import type { DirectoryUser, NormalisedUser } from '../model/directory-user';
import type { ImportOptions } from '../model/import-options';
import type { SyncDestination } from '../model/sync-destination';
import { buildImportRequests } from './build-import-requests';
import { sortGroups, sortUsers } from './canonical-order';
import { deduplicateUsers } from './deduplicate-users';
import { fingerprintRequests } from './fingerprint';
import { flattenGroups } from './flatten-groups';
import { normaliseUsers } from './normalise-users';
import type { SyncCounts, SyncOutcome, SyncPlan } from './sync-plan';
import { userState } from './user-state';

export interface SyncPlanInput {
  readonly users: readonly DirectoryUser[];
  readonly groups: readonly DirectoryGroup[];
  readonly options: ImportOptions;
  readonly destination: SyncDestination;
  /** The fingerprint stored after the last successful sync, if any. */
  readonly previousFingerprint: string | null;
  /** What the directory read noticed; passed through to the plan for the run report. */
  readonly notices?: readonly DirectoryNotice[];
}

/**
 * The sync engine: turns what a directory yielded into the import the Bitwarden server expects.
 * Pure and synchronous; it never changes its input.
 *
 * @throws ConfigurationError when the destination is incomplete or the options contradict.
 * @throws DuplicateEmailError when distinct active users share an email.
 */
export function planSync(input: SyncPlanInput): SyncPlan {
  assertDestination(input.destination);

  const normalised = normaliseUsers(input.users);
  const deduplicated = deduplicateUsers(normalised.users);
  const users = sortUsers(deduplicated.users);
  const groups = sortGroups(
    flattenGroups(
      input.groups,
      users.map((user) => user.externalId),
    ),
  );
  const built = buildImportRequests(users, groups, input.options);
  const empty = users.length + groups.length === 0 && !input.options.overwriteExisting;
  // Without an earlier fingerprint the import is sent whatever it hashes to, and the sync hashes
  // the bodies as it posts them.
  const fingerprint =
    empty || input.previousFingerprint === null
      ? null
      : fingerprintRequests(built, input.destination);

  const outcome = decideOutcome(empty, fingerprint, input.previousFingerprint);
  const requests = outcome === 'send' ? built : [];
  const dropped = [...normalised.dropped, ...deduplicated.dropped];
  return {
    outcome,
    requests,
    fingerprint,
    users,
    groups,
    dropped,
    notices: input.notices ?? [],
    counts: countPlan(users, groups, input.options, requests.length, dropped.length),
  };
}

function assertDestination(destination: SyncDestination): void {
  if (destination.organizationId.trim() === '') {
    throw new ConfigurationError(
      'ORGANIZATION_NOT_SET',
      'Organization not set.',
      'Log in with the organization API key (bwdc login) before syncing.',
    );
  }
  if (destination.apiUrl.trim() === '') {
    throw new ConfigurationError(
      'API_URL_NOT_SET',
      'The Bitwarden API URL is not set.',
      'Set the server URL (bwdc config server <url>), or bitwarden.com for the Bitwarden cloud.',
    );
  }
}

function decideOutcome(
  empty: boolean,
  fingerprint: string | null,
  previousFingerprint: string | null,
): SyncOutcome {
  if (empty) {
    return 'empty';
  }
  return fingerprint !== null && fingerprint === previousFingerprint ? 'unchanged' : 'send';
}

function countPlan(
  users: readonly NormalisedUser[],
  groups: readonly FlattenedGroup[],
  options: ImportOptions,
  requests: number,
  droppedUsers: number,
): SyncCounts {
  let deletedUsers = 0;
  let disabledUsers = 0;
  for (const user of users) {
    const state = userState(user);
    deletedUsers += state === 'deleted' ? 1 : 0;
    disabledUsers += state === 'disabled' ? 1 : 0;
  }
  let memberships = 0;
  for (const group of groups) {
    memberships += group.memberExternalIds.length;
  }
  return {
    users: users.length,
    enabledUsers: users.length - deletedUsers - disabledUsers,
    disabledUsers,
    deletedUsers,
    sentAsDeleted: deletedUsers + (options.removeDisabled ? disabledUsers : 0),
    groups: groups.length,
    memberships,
    droppedUsers,
    requests,
  };
}

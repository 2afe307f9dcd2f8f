import type {
  DirectoryCursor,
  DirectoryGroup,
  DirectoryNotice,
  DirectoryProvider,
  DirectoryReadRequest,
  DirectorySnapshot,
  DirectoryUser,
} from '@bwdc/core';
import type { Client } from '@okta/okta-sdk-nodejs';

import { ReadProgressCounter } from '../ldap/read-progress';
import { mapConcurrently } from '../shared/map-concurrently';
import { createOktaClient } from './okta-client';
import { OktaError, oktaFailure } from './okta-error';
import { andFilter, type OktaFilter, parseOktaFilter, passesFilter } from './okta-filter';
import type { OktaProviderOptions } from './okta-provider-options';

const USERS_CALL = 'the user list (GET /api/v1/users)';
const GROUPS_CALL = 'the group list (GET /api/v1/groups)';
const DEPROVISIONED = 'status eq "DEPROVISIONED"';

interface UserRead {
  readonly users: DirectoryUser[];
  readonly withoutEmail: number;
}

/**
 * Users and groups from an Okta org through the Okta SDK, with an API token. Delta reads ask
 * only for what changed since the cursor (`lastUpdated gt`), per object type, as upstream did;
 * deprovisioned users come back deleted, suspended ones disabled. Group members are read
 * `concurrency` groups at a time, paced by Okta's rate-limit headers.
 */
export class OktaDirectoryProvider implements DirectoryProvider {
  readonly type = 'okta';

  constructor(private readonly options: OktaProviderOptions) {}

  async read(request: DirectoryReadRequest): Promise<DirectorySnapshot> {
    request.signal?.throwIfAborted();
    const { directory, sync } = this.options;
    const org = directory.orgUrl;
    const token = this.options.token?.trim();
    if (!token) {
      throw new OktaError(
        'OKTA_SETTINGS_INCOMPLETE',
        `No API token is set for the Okta org ${org}.`,
        'Set the token secret to an Okta API token (Security → API → Tokens).',
        { org, call: 'the settings' },
      );
    }
    const userFilter = parseOktaFilter(sync.userFilter, 'user', org);
    const groupFilter = parseOktaFilter(sync.groupFilter, 'group', org);
    const delta = request.mode === 'delta';
    const { client, close } = await createOktaClient({
      orgUrl: org,
      token,
      caPem: this.options.caPem,
      maxRetries: this.options.maxRetries ?? 4,
      signal: request.signal,
      onWait: (waitMs, why) =>
        this.options.logger?.log('info', 'Waiting for the Okta rate-limit window', {
          waitMs,
          why,
        }),
    });
    const progress = new ReadProgressCounter(request.onProgress, 100);
    try {
      const read: UserRead = sync.users
        ? await this.readUsers(
            client,
            userFilter,
            delta ? (request.cursor?.usersReadAt ?? null) : null,
            progress,
          )
        : { users: [], withoutEmail: 0 };
      // Upstream's forceGroup: all groups on a full read or when an active user came back.
      const forceGroups = !delta || read.users.some((user) => !user.deleted && !user.disabled);
      const groups = sync.groups
        ? await this.readGroups(
            client,
            groupFilter,
            forceGroups ? null : (request.cursor?.groupsReadAt ?? null),
            progress,
            request.signal,
          )
        : [];
      progress.done();
      const users =
        groupFilter.set && sync.groups ? this.inSyncedGroups(read.users, groups) : read.users;
      const notices: DirectoryNotice[] =
        read.withoutEmail > 0
          ? [{ kind: 'users-skipped', reason: 'no-email', count: read.withoutEmail }]
          : [];
      return { users, groups, cursor: this.cursor(request), notices };
    } finally {
      close();
    }
  }

  /**
   * Upstream's two user queries: the (native, delta) filter, and beside it, unless the filter
   * already asks by `lastUpdated` (which lists deprovisioned users too), the deprovisioned users
   * that Okta leaves out of an unfiltered list.
   */
  private async readUsers(
    client: Client,
    filter: OktaFilter,
    since: string | null,
    progress: ReadProgressCounter,
  ): Promise<UserRead> {
    const main = andFilter(filter.native, since ? `lastUpdated gt "${since}"` : null);
    const queries = [main];
    if (!/lastUpdated/i.test(main ?? '')) {
      queries.push(andFilter(filter.native, DEPROVISIONED));
    }
    const limit = this.options.pageSize?.users ?? 200;
    const pages = await Promise.all(
      queries.map(async (query) => {
        const found: DirectoryUser[] = [];
        try {
          const collection = await client.userApi.listUsers({
            ...(query ? { filter: query } : {}),
            limit,
          });
          for await (const user of collection) {
            if (user) {
              found.push(toDirectoryUser(user));
              progress.user();
            }
          }
        } catch (error) {
          throw oktaFailure(error, this.options.directory.orgUrl, USERS_CALL);
        }
        return found;
      }),
    );
    const byId = new Map<string, DirectoryUser>();
    for (const user of pages.flat()) {
      byId.set(user.externalId, user);
    }
    let withoutEmail = 0;
    const users = [...byId.values()].filter((user) => {
      if (!user.email && !user.deleted) {
        withoutEmail += 1;
        return false;
      }
      return passesFilter(filter, user.email);
    });
    return { users, withoutEmail };
  }

  private async readGroups(
    client: Client,
    filter: OktaFilter,
    since: string | null,
    progress: ReadProgressCounter,
    signal: AbortSignal | undefined,
  ): Promise<DirectoryGroup[]> {
    const org = this.options.directory.orgUrl;
    const query = andFilter(filter.native, since ? `lastUpdated gt "${since}"` : null);
    const listed: { id: string; name: string }[] = [];
    try {
      const collection = await client.groupApi.listGroups({
        ...(query ? { filter: query } : {}),
        limit: this.options.pageSize?.groups ?? 10_000,
      });
      for await (const group of collection) {
        const name = group?.profile?.name ?? '';
        if (group?.id && passesFilter(filter, name)) {
          listed.push({ id: group.id, name });
        }
      }
    } catch (error) {
      throw oktaFailure(error, org, GROUPS_CALL);
    }
    return mapConcurrently(listed, this.options.directory.concurrency, async (group) => {
      signal?.throwIfAborted();
      const members: string[] = [];
      try {
        const collection = await client.groupApi.listGroupUsers({
          groupId: group.id,
          limit: 1_000,
        });
        for await (const user of collection) {
          if (user?.id) {
            members.push(user.id);
          }
        }
      } catch (error) {
        throw oktaFailure(
          error,
          org,
          `the members of group '${group.name}' (GET /api/v1/groups/${group.id}/users)`,
        );
      }
      progress.group();
      return {
        externalId: group.id,
        referenceId: group.id,
        name: group.name,
        userMemberExternalIds: members,
        // Okta groups do not nest.
        groupMemberReferenceIds: [],
      };
    });
  }

  /** The next cursor: this read's start for each side read, the previous value for the other. */
  private cursor(request: DirectoryReadRequest): DirectoryCursor {
    const at = request.startedAt.toISOString();
    return {
      usersReadAt: this.options.sync.users ? at : (request.cursor?.usersReadAt ?? null),
      groupsReadAt: this.options.sync.groups ? at : (request.cursor?.groupsReadAt ?? null),
      userDeltaToken: null,
      groupDeltaToken: null,
    };
  }

  /**
   * Upstream's `filterUsersFromGroupsSet`: with a group include/exclude list, only users in a
   * synced group are synced; deleted users always, disabled ones when `removeDisabled` is on.
   */
  private inSyncedGroups(
    users: readonly DirectoryUser[],
    groups: readonly DirectoryGroup[],
  ): DirectoryUser[] {
    const members = new Set(groups.flatMap((group) => group.userMemberExternalIds));
    return users.filter(
      (user) =>
        user.deleted ||
        (user.disabled && this.options.sync.removeDisabled) ||
        members.has(user.externalId),
    );
  }
}

function toDirectoryUser(user: {
  id?: string;
  status?: unknown;
  profile?: { email?: string | null } | null;
}): DirectoryUser {
  const id = user.id ?? '';
  const email = user.profile?.email?.trim().toLowerCase() || null;
  return {
    externalId: id,
    referenceId: id,
    email,
    disabled: user.status === 'SUSPENDED',
    deleted: user.status === 'DEPROVISIONED',
  };
}

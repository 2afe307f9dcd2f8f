import type {
  DirectoryCursor,
  DirectoryGroup,
  DirectoryNotice,
  DirectoryProvider,
  DirectoryReadRequest,
  DirectorySnapshot,
  DirectoryUser,
} from '@bwdc/core';

import { ReadProgressCounter } from '../ldap/read-progress';
import { mapConcurrently } from '../shared/map-concurrently';
import { DEFAULT_ONELOGIN_RETRY, OneLoginClient } from './onelogin-client';
import { OneLoginError } from './onelogin-error';
import { type OneLoginFilter, parseOneLoginFilter, passesFilter } from './onelogin-filter';
import type { OneLoginProviderOptions, OneLoginSyncScope } from './onelogin-provider-options';

/** OneLogin has no change feed the connector uses: every read is full and keeps no cursor. */
const NO_CURSOR: DirectoryCursor = {
  usersReadAt: null,
  groupsReadAt: null,
  userDeltaToken: null,
  groupDeltaToken: null,
};

/** Upstream's email check, kept as it was (unanchored). */
const LOOKS_LIKE_EMAIL = /\S+@\S+\.\S+/;
/** OneLogin's `status` 2: suspended. */
const SUSPENDED = 2;
export const DEFAULT_ONELOGIN_PAGE_SIZE = 50;

interface ApiUser {
  readonly id?: unknown;
  readonly email?: unknown;
  readonly username?: unknown;
  readonly status?: unknown;
}

interface ApiRole {
  readonly id?: unknown;
  readonly name?: unknown;
}

interface UserRead {
  readonly users: DirectoryUser[];
  /** Users left out because neither their email nor their username gave an email. */
  readonly withoutEmail: number;
}

/**
 * Users and roles (as groups, as upstream) from OneLogin's API v2 with a client-credentials
 * token. Every page is read or the read fails; 429s wait out `X-RateLimit-Reset`; roles' members
 * are read `concurrency` roles at a time.
 */
export class OneLoginDirectoryProvider implements DirectoryProvider {
  readonly type = 'onelogin';

  constructor(private readonly options: OneLoginProviderOptions) {}

  async read(request: DirectoryReadRequest): Promise<DirectorySnapshot> {
    request.signal?.throwIfAborted();
    const { directory, sync } = this.options;
    const clientSecret = this.options.clientSecret?.trim();
    if (!clientSecret) {
      throw new OneLoginError(
        'ONELOGIN_SETTINGS_INCOMPLETE',
        `No client secret is set for the OneLogin API credential ${directory.clientId} (${directory.region.toUpperCase()} region).`,
        'Set the clientSecret secret to the API credential’s client secret.',
      );
    }
    const userFilter = parseOneLoginFilter(sync.userFilter, 'user');
    const roleFilter = parseOneLoginFilter(sync.groupFilter, 'role');
    const client = new OneLoginClient({
      clientId: directory.clientId,
      clientSecret,
      region: directory.region,
      endpoints: this.options.endpoints,
      retry: this.options.retry ?? DEFAULT_ONELOGIN_RETRY,
      maxSockets: directory.concurrency,
      signal: request.signal,
      sleep: this.options.sleep,
      onRetry: (call, status, waitMs) =>
        this.options.logger?.log('warn', 'OneLogin throttled or failed a call; retrying', {
          call,
          status,
          waitMs,
        }),
    });
    const progress = new ReadProgressCounter(request.onProgress, this.pageSize);
    try {
      await client.signIn();
      const [read, groups] = await Promise.all([
        sync.users
          ? this.readUsers(client, userFilter, () => progress.user())
          : { users: [], withoutEmail: 0 },
        sync.groups ? this.readRoles(client, roleFilter, () => progress.group()) : [],
      ]);
      progress.done();
      const notices: DirectoryNotice[] =
        read.withoutEmail > 0
          ? [{ kind: 'users-skipped', reason: 'no-email', count: read.withoutEmail }]
          : [];
      return {
        users:
          roleFilter.set && sync.groups ? inSyncedGroups(read.users, groups, sync) : read.users,
        groups,
        cursor: NO_CURSOR,
        notices,
      };
    } finally {
      client.close();
    }
  }

  private get pageSize(): number {
    return this.options.pageSize ?? DEFAULT_ONELOGIN_PAGE_SIZE;
  }

  private async readUsers(
    client: OneLoginClient,
    filter: OneLoginFilter,
    onUser: () => void,
  ): Promise<UserRead> {
    const users: DirectoryUser[] = [];
    let withoutEmail = 0;
    await client.readAll('the users list', '/api/2/users', filter.query, this.pageSize, (page) => {
      for (const item of page as readonly ApiUser[]) {
        const id = idOf(item.id);
        if (id === null) {
          continue;
        }
        const email = emailOf(item, this.options.sync);
        if (email === null) {
          withoutEmail += 1;
          continue;
        }
        if (passesFilter(filter, email)) {
          users.push({
            externalId: id,
            referenceId: id,
            email,
            disabled: item.status === SUSPENDED,
            deleted: false,
          });
          onUser();
        }
      }
    });
    return { users, withoutEmail };
  }

  private async readRoles(
    client: OneLoginClient,
    filter: OneLoginFilter,
    onRole: () => void,
  ): Promise<DirectoryGroup[]> {
    const roles: { id: string; name: string }[] = [];
    await client.readAll('the roles list', '/api/2/roles', filter.query, this.pageSize, (page) => {
      for (const item of page as readonly ApiRole[]) {
        const id = idOf(item.id);
        const name = typeof item.name === 'string' ? item.name : null;
        if (id !== null && name !== null && passesFilter(filter, name)) {
          roles.push({ id, name });
        }
      }
    });
    return mapConcurrently(roles, this.options.directory.concurrency, async (role) => {
      const members = new Set<string>();
      await client.readAll(
        `the members of role '${role.name}' (${role.id})`,
        `/api/2/roles/${encodeURIComponent(role.id)}/users`,
        new URLSearchParams(),
        this.pageSize,
        (page) => {
          for (const item of page as readonly { id?: unknown }[]) {
            const id = idOf(item.id);
            if (id !== null) {
              members.add(id);
            }
          }
        },
      );
      onRole();
      return {
        externalId: role.id,
        referenceId: role.id,
        name: role.name,
        userMemberExternalIds: [...members],
        groupMemberReferenceIds: [],
      };
    });
  }
}

/**
 * The user's email as upstream finds it: `email` when it looks like one, else `username` when
 * that does, else `username + emailSuffix` when the prefix/suffix option is on. Trimmed and
 * lower-cased; null when none of them gives an email.
 */
export function emailOf(user: ApiUser, sync: OneLoginSyncScope): string | null {
  const email = typeof user.email === 'string' ? user.email.trim() : '';
  if (LOOKS_LIKE_EMAIL.test(email)) {
    return email.toLowerCase();
  }
  const username = typeof user.username === 'string' ? user.username.trim() : '';
  if (LOOKS_LIKE_EMAIL.test(username)) {
    return username.toLowerCase();
  }
  const suffix = sync.emailSuffix?.trim() ?? '';
  if (sync.useEmailPrefixSuffix && username !== '' && suffix !== '') {
    const built = `${username}${suffix}`;
    return LOOKS_LIKE_EMAIL.test(built) ? built.toLowerCase() : null;
  }
  return null;
}

/** OneLogin's ids are numbers; the connector's are strings (upstream sent the numbers as-is). */
function idOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Upstream's `filterUsersFromGroupsSet`: with a role include/exclude list, only users in a
 * synced role are synced; disabled users too when `removeDisabled` is on.
 */
function inSyncedGroups(
  users: readonly DirectoryUser[],
  groups: readonly DirectoryGroup[],
  sync: OneLoginSyncScope,
): DirectoryUser[] {
  const members = new Set(groups.flatMap((group) => group.userMemberExternalIds));
  return users.filter(
    (user) =>
      user.deleted || (user.disabled && sync.removeDisabled) || members.has(user.externalId),
  );
}

import type {
  DirectoryCursor,
  DirectoryNotice,
  DirectoryProvider,
  DirectoryReadRequest,
  DirectorySnapshot,
  DirectoryUser,
} from '@bwdc/core';

import type { PageContext } from './directory-pages';
import { createDirectoryClient } from './google-client';
import { GoogleError } from './google-error';
import { googleFailure } from './google-failure';
import { type GoogleFilter, parseGoogleFilter } from './google-filter';
import { listGroups, readMembers, type ReadGroup } from './google-group-reader';
import type { GoogleProviderOptions } from './google-provider-options';
import { type UserRead, readUsers } from './google-user-reader';
import { normalisePrivateKey } from './service-account-key';
import { DEFAULT_RETRY_POLICY, withRetry } from './retry';

/** Google has no change feed the connector uses: every read is full and keeps no cursor. */
const NO_CURSOR: DirectoryCursor = {
  usersReadAt: null,
  groupsReadAt: null,
  userDeltaToken: null,
  groupDeltaToken: null,
};

/**
 * Users and groups from Google Workspace through the Admin SDK Directory API, as a service
 * account acting for an admin user. Every page is read or the read fails; 429s and 5xx are
 * retried after `Retry-After`; groups' members are read `concurrency` groups at a time.
 */
export class GoogleDirectoryProvider implements DirectoryProvider {
  readonly type = 'gsuite';

  constructor(private readonly options: GoogleProviderOptions) {}

  async read(request: DirectoryReadRequest): Promise<DirectorySnapshot> {
    request.signal?.throwIfAborted();
    const { directory, sync } = this.options;
    const privateKey = this.options.privateKey?.trim()
      ? normalisePrivateKey(this.options.privateKey)
      : null;
    if (!privateKey) {
      throw new GoogleError(
        'GOOGLE_SETTINGS_INCOMPLETE',
        `No private key is set for the service account of ${directory.domain}.`,
        'Set the privateKey secret from the service account’s JSON key file (or import the key file).',
      );
    }
    const userFilter = parseGoogleFilter(sync.userFilter, 'user');
    const groupFilter = parseGoogleFilter(sync.groupFilter, 'group');
    const client = await createDirectoryClient({
      clientEmail: directory.clientEmail,
      privateKey,
      adminUser: directory.adminUser,
      endpoints: this.options.endpoints,
    });
    const context: PageContext = {
      directory: client.directory,
      domain: directory.domain,
      customer: directory.customer,
      retry: this.options.retry ?? DEFAULT_RETRY_POLICY,
      signal: request.signal,
      onRetry: (call, status, waitMs) =>
        this.options.logger?.log('warn', 'Google throttled or failed a call; retrying', {
          call,
          status,
          waitMs,
        }),
    };
    const progress = { users: 0, groups: 0 };
    const tell = () => request.onProgress?.({ ...progress });
    try {
      await withRetry(() => client.auth.authorize(), context.retry, request.signal).catch(
        (error: unknown) => {
          throw googleFailure(error, {
            domain: directory.domain,
            call: 'the service account sign-in',
          });
        },
      );
      // Users and groups are read side by side; a CUSTOMER group shares the one user read.
      let active: Promise<UserRead> | undefined;
      const readActive = () =>
        (active ??= readUsers(context, userFilter, false, (count) => {
          progress.users = count;
          tell();
        }));
      const [users, groups] = await Promise.all([
        sync.users
          ? Promise.all([readActive(), readUsers(context, userFilter, true, () => undefined)]).then(
              ([current, deleted]) => [...current.users, ...deleted.users],
            )
          : [],
        sync.groups
          ? this.readGroups(context, groupFilter, readActive, () => {
              progress.groups += 1;
              tell();
            })
          : [],
      ]);
      progress.users = users.length;
      tell();
      return {
        users: groupFilter.set && sync.groups ? this.inSyncedGroups(users, groups) : users,
        groups,
        cursor: NO_CURSOR,
        notices: await this.skipped(active),
      };
    } finally {
      client.close();
    }
  }

  private async readGroups(
    context: PageContext,
    filter: GoogleFilter,
    activeUsers: () => Promise<UserRead>,
    onGroup: () => void,
  ) {
    const listed = await listGroups(context, filter);
    const read: ReadGroup[] = await readMembers(
      context,
      listed,
      this.options.directory.concurrency,
      onGroup,
    );
    if (!read.some((entry) => entry.everyone)) {
      return read.map((entry) => entry.group);
    }
    // A CUSTOMER member is everyone in the domain: the (filtered) users, read now if user sync
    // is off (upstream then left such groups empty).
    const everyone = (await activeUsers()).users.map((user) => user.externalId);
    return read.map(({ group, everyone: all }) =>
      all
        ? {
            ...group,
            userMemberExternalIds: [...new Set([...group.userMemberExternalIds, ...everyone])],
          }
        : group,
    );
  }

  /** Upstream skipped users without any email silently; the run report counts them. */
  private async skipped(active: Promise<UserRead> | undefined): Promise<DirectoryNotice[]> {
    const count = active ? (await active).withoutEmail : 0;
    return count > 0 ? [{ kind: 'users-skipped', reason: 'no-email', count }] : [];
  }

  /**
   * Upstream's `filterUsersFromGroupsSet`: with a group include/exclude list, only users in a
   * synced group are synced; deleted users always (so they are removed), and disabled users when
   * `removeDisabled` is on.
   */
  private inSyncedGroups(
    users: readonly DirectoryUser[],
    groups: readonly { readonly userMemberExternalIds: readonly string[] }[],
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

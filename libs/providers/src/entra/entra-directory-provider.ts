import {
  ConfigurationError,
  type DirectoryGroup,
  type DirectoryProvider,
  type DirectoryReadRequest,
  type DirectorySnapshot,
  type DirectoryUser,
  type UsersSkippedNotice,
} from '@bwdc/core';

import { ReadProgressCounter } from '../ldap/read-progress';
import { EntraTokenSource } from './entra-token';
import {
  EntraFilterError,
  parseGroupFilter,
  parseUserFilter,
  type EntraGroupFilter,
  type EntraUserFilter,
} from './entra-filters';
import { readGroups, usersInSyncedGroups } from './entra-group-reader';
import type { EntraProviderOptions } from './entra-provider-options';
import { resolveEntraCloud, type EntraCloud } from './entra-settings';
import { readDeletedUsers, readUsers } from './entra-user-reader';
import { GraphClient } from './graph-client';
import type { SkipReason } from './graph-objects';
import { DEFAULT_GRAPH_RETRY } from './graph-retry';
import { httpsTransport } from '../shared/https-transport';

/** A snapshot plus what the run report should say about the users Graph listed but not synced. */
export interface EntraSnapshot extends DirectorySnapshot {
  /** Users left out by reason: guests (`#EXT#` accounts) and active users without an email. */
  readonly skippedUsers: Readonly<Record<SkipReason, number>>;
  /** Graph calls made (retries included). */
  readonly graphRequests: number;
}

/**
 * Users and groups from Microsoft Entra ID through Microsoft Graph, on the settings' cloud for
 * every call. Users, their deletions and the groups are read side by side; membership with
 * bounded concurrency. A failed call (after retries) fails the read; it never yields a part.
 */
export class EntraDirectoryProvider implements DirectoryProvider {
  readonly type = 'entra';
  private readonly cloud: EntraCloud;
  private readonly userFilter: EntraUserFilter;
  private readonly groupFilter: EntraGroupFilter;

  constructor(private readonly options: EntraProviderOptions) {
    this.cloud = resolveEntraCloud(options.directory);
    try {
      this.userFilter = parseUserFilter(options.sync.userFilter);
      this.groupFilter = parseGroupFilter(options.sync.groupFilter);
    } catch (error) {
      if (error instanceof EntraFilterError) {
        throw new ConfigurationError(
          'DIRECTORY_SETTINGS_INVALID',
          `The Entra ID filter is not valid: ${error.message}.`,
          'Fix sync.userFilter or sync.groupFilter (see the Entra ID filter help).',
        );
      }
      throw error;
    }
  }

  async read(request: DirectoryReadRequest): Promise<EntraSnapshot> {
    const { directory, sync, key } = this.options;
    if (!key) {
      throw new ConfigurationError(
        'DIRECTORY_SETTINGS_INVALID',
        'The Entra ID client secret is not set.',
        'Set the app registration’s client secret (bwdc config entra.key <secret>).',
      );
    }
    const transport =
      this.options.transport ??
      httpsTransport({ ca: this.options.ca ?? null, maxSockets: directory.concurrency + 2 });
    try {
      const tokens = new EntraTokenSource(
        this.cloud,
        directory.tenant,
        directory.applicationId,
        key,
        transport,
      );
      const graph = new GraphClient(
        this.cloud.graphUrl,
        directory.tenant,
        tokens,
        transport,
        this.options.retry ?? DEFAULT_GRAPH_RETRY,
        request.signal,
      );
      // One token before the parallel reads, so a bad secret fails once, with one clear error.
      await tokens.token();
      const progress = new ReadProgressCounter(request.onProgress);
      const concurrency = directory.concurrency;
      const [userPart, groups] = await Promise.all([
        sync.users
          ? Promise.all([
              readUsers(graph, this.userFilter, concurrency, progress),
              readDeletedUsers(graph, request.cursor?.userDeltaToken ?? null),
            ])
          : null,
        sync.groups ? readGroups(graph, this.groupFilter, concurrency, progress) : null,
      ]);
      progress.done();
      const users = userPart ? this.usersOf(userPart[0].users, userPart[1].deleted, groups) : [];
      const skippedUsers = userPart?.[0].skipped ?? { guest: 0, 'no-email': 0 };
      this.logSkipped(skippedUsers);
      const readAt = request.startedAt.toISOString();
      return {
        users,
        groups: groups ?? [],
        cursor: {
          usersReadAt: sync.users ? readAt : null,
          groupsReadAt: sync.groups ? readAt : null,
          userDeltaToken: userPart?.[1].deltaLink ?? request.cursor?.userDeltaToken ?? null,
          groupDeltaToken: null,
        },
        notices: skippedNotices(skippedUsers),
        skippedUsers,
        graphRequests: graph.requestCount,
      };
    } finally {
      if (!this.options.transport) {
        transport.close();
      }
    }
  }

  /** Current users plus deleted ones (a user both listed and reported deleted stays current). */
  private usersOf(
    current: readonly DirectoryUser[],
    deleted: readonly DirectoryUser[],
    groups: readonly DirectoryGroup[] | null,
  ): DirectoryUser[] {
    const currentIds = new Set(current.map((user) => user.externalId));
    const all = [...current, ...deleted.filter((user) => !currentIds.has(user.externalId))];
    return groups && this.groupFilter.kind !== 'all'
      ? usersInSyncedGroups(all, groups, this.options.sync.removeDisabled)
      : all;
  }

  private logSkipped(skipped: Readonly<Record<SkipReason, number>>): void {
    if (skipped.guest > 0 || skipped['no-email'] > 0) {
      this.options.logger?.log('info', 'Entra ID users left out of the sync', {
        guests: skipped.guest,
        activeWithoutEmail: skipped['no-email'],
      });
    }
  }
}

/** One report line per reason that left users out (none when nothing was skipped). */
function skippedNotices(skipped: Readonly<Record<SkipReason, number>>): UsersSkippedNotice[] {
  return (Object.keys(skipped) as SkipReason[])
    .filter((reason) => skipped[reason] > 0)
    .map((reason) => ({ kind: 'users-skipped', reason, count: skipped[reason] }));
}

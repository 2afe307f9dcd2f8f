import type {
  DirectoryNotice,
  DirectoryProvider,
  DirectoryReadRequest,
  DirectorySnapshot,
  DirectoryUser,
} from '@bwdc/core';

import { openLdapConnection, type LdapConnection } from './ldap-connection';
import { firstText } from './entry-values';
import { LdapError } from './ldap-error';
import type { RevisionCondition } from './ldap-filters';
import { anyGroupChanged, readGroups, type GroupRead } from './ldap-group-reader';
import type { LdapProviderOptions } from './ldap-provider-options';
import { LdapSearch } from './ldap-search';
import { readDeletedUsers, readUsers } from './ldap-user-reader';
import { ReadProgressCounter } from './read-progress';
import type { UserIndex } from './user-index';

/**
 * Users and groups from an LDAP server or Active Directory. Reads are always paged and ask only
 * for the attributes used; one user search serves both the user list and the member lookup.
 * Member DNs are compared in normalised form. A failed read throws; it never yields a part.
 */
export class LdapDirectoryProvider implements DirectoryProvider {
  readonly type = 'ldap';

  constructor(private readonly options: LdapProviderOptions) {}

  async read(request: DirectoryReadRequest): Promise<DirectorySnapshot> {
    const { directory, sync, password } = this.options;
    const connection = await openLdapConnection(directory, password);
    // OpenLDAP keeps one paged search per connection (a second one voids the first's cookie), so
    // the groups, searched while the users are read, have a connection of their own.
    let groupConnection: LdapConnection | undefined;
    try {
      groupConnection = sync.groups ? await openLdapConnection(directory, password) : undefined;
      const search = new LdapSearch(connection.client, connection.url, directory.pageSize);
      const userChanges = this.revision(request, request.cursor?.usersReadAt);
      const groupChanges = this.revision(request, request.cursor?.groupsReadAt);
      // The member lookup needs every user; the list sent needs only the changed ones.
      const progress = new ReadProgressCounter(request.onProgress);
      const readingEveryone =
        sync.groups || !userChanges
          ? readUsers(search, this.options, undefined, progress)
          : undefined;
      // The groups are searched beside the users, so the server prepares them while the users
      // are taken in.
      const readingGroups =
        readingEveryone && groupConnection
          ? this.groupsIfChanged(
              new LdapSearch(groupConnection.client, groupConnection.url, directory.pageSize),
              groupChanges,
              readingEveryone,
              progress,
            )
          : undefined;
      const [everyone, groupRead] = await Promise.all([readingEveryone, readingGroups]);
      const listed =
        sync.users && userChanges
          ? (await readUsers(search, this.options, userChanges, everyone ? undefined : progress))
              .list
          : (everyone?.list ?? []);
      const notices: DirectoryNotice[] = [];
      const deleted =
        sync.users && directory.ad ? await this.deletedUsers(search, userChanges, notices) : [];
      notices.push(...(groupRead?.notices ?? []));
      progress.done();
      return {
        users: sync.users ? [...listed, ...deleted] : [],
        groups: groupRead?.groups ?? [],
        cursor: {
          usersReadAt: sync.users ? request.startedAt.toISOString() : null,
          groupsReadAt: sync.groups ? request.startedAt.toISOString() : null,
          userDeltaToken: null,
          groupDeltaToken: null,
        },
        notices,
      };
    } finally {
      await Promise.all([connection.close(), groupConnection?.close()]);
    }
  }

  /** The groups with their members, unless none changed since the last read. */
  private async groupsIfChanged(
    search: LdapSearch,
    groupChanges: RevisionCondition | undefined,
    users: Promise<UserIndex>,
    progress: ReadProgressCounter,
  ): Promise<GroupRead | undefined> {
    const changed = !groupChanges || (await anyGroupChanged(search, this.options, groupChanges));
    return changed ? readGroups(search, this.options, users, progress) : undefined;
  }

  /**
   * The revision condition of an incremental read: entries changed since the object type's own
   * last read (upstream used the user time for groups too). None on a full read.
   */
  private revision(
    request: DirectoryReadRequest,
    readAt: string | null | undefined,
  ): RevisionCondition | undefined {
    const attribute = this.options.sync.revisionDateAttribute;
    if (request.mode !== 'delta' || !attribute || !readAt) {
      return undefined;
    }
    return { attribute, since: new Date(readAt) };
  }

  /**
   * AD's deleted users, on every read (upstream: only some). Without the rights to read Deleted
   * Objects the read goes on, and the run report says deletions cannot be seen.
   */
  private async deletedUsers(
    search: LdapSearch,
    changedSince: RevisionCondition | undefined,
    notices: DirectoryNotice[],
  ): Promise<DirectoryUser[]> {
    const rootDse = await search.entry('', ['defaultNamingContext']);
    const namingContext =
      firstText(rootDse['defaultNamingContext']) ??
      domainComponents(this.options.directory.rootPath);
    try {
      return await readDeletedUsers(search, this.options, namingContext, changedSince);
    } catch (error) {
      if (error instanceof LdapError && error.code === 'LDAP_UNREACHABLE') {
        throw error;
      }
      notices.push({
        kind: 'deleted-users-unavailable',
        detail: error instanceof Error ? error.message : String(error),
      });
      return [];
    }
  }
}

/** The domain part (`DC=` components) of a DN, where AD keeps Deleted Objects. */
function domainComponents(dn: string | null): string {
  return (dn ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => /^dc=/i.test(part))
    .join(',');
}

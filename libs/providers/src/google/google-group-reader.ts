import type { DirectoryGroup } from '@bwdc/core';
import type { admin_directory_v1 } from '@googleapis/admin';

import { type PageContext, callOptions, readAllPages, scopeParams } from './directory-pages';
import { type GoogleFilter, passesFilter } from './google-filter';
import { mapConcurrently } from '../shared/map-concurrently';

/** The most groups or members one page may hold (the API's maximum). */
export const GROUPS_PAGE_SIZE = 200;

/** A group with its direct members; `everyone` when a `CUSTOMER` member stands for all users. */
export interface ReadGroup {
  readonly group: DirectoryGroup;
  readonly everyone: boolean;
}

/** The groups that pass the filter (name include/exclude, the Google query after `|`). */
export async function listGroups(
  context: PageContext,
  filter: GoogleFilter,
): Promise<admin_directory_v1.Schema$Group[]> {
  const groups: admin_directory_v1.Schema$Group[] = [];
  await readAllPages(
    context,
    'groups.list',
    async (pageToken) => {
      const response = await context.directory.groups.list(
        {
          ...scopeParams(context),
          maxResults: GROUPS_PAGE_SIZE,
          ...(filter.query ? { query: filter.query } : {}),
          ...(pageToken ? { pageToken } : {}),
        },
        callOptions(context),
      );
      return { items: response.data.groups ?? [], nextPageToken: response.data.nextPageToken };
    },
    (page) => groups.push(...page.filter((group) => group.id && passesFilter(filter, group.name))),
  );
  return groups;
}

/**
 * Each group's members, `concurrency` groups at a time (upstream: one after another). Members of
 * type USER count only when ACTIVE, GROUP members are nested groups, CUSTOMER means everyone.
 */
export async function readMembers(
  context: PageContext,
  groups: readonly admin_directory_v1.Schema$Group[],
  concurrency: number,
  onGroup: () => void,
): Promise<ReadGroup[]> {
  return mapConcurrently(groups, concurrency, async (group) => {
    const id = group.id ?? '';
    const users: string[] = [];
    const nested: string[] = [];
    let everyone = false;
    await readAllPages(
      context,
      `members.list (group ${group.email ?? id})`,
      async (pageToken) => {
        const response = await context.directory.members.list(
          { groupKey: id, maxResults: GROUPS_PAGE_SIZE, ...(pageToken ? { pageToken } : {}) },
          callOptions(context),
        );
        return { items: response.data.members ?? [], nextPageToken: response.data.nextPageToken };
      },
      (page) => {
        for (const member of page) {
          const type = member.type?.toUpperCase();
          if (type === 'USER' && member.id && member.status?.toUpperCase() === 'ACTIVE') {
            users.push(member.id);
          } else if (type === 'GROUP' && member.id) {
            nested.push(member.id);
          } else if (type === 'CUSTOMER') {
            everyone = true;
          }
        }
      },
    );
    onGroup();
    return {
      group: {
        externalId: id,
        referenceId: id,
        name: group.name ?? '',
        userMemberExternalIds: users,
        groupMemberReferenceIds: nested,
      },
      everyone,
    };
  });
}

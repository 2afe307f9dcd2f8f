import type { DirectoryUser } from '@bwdc/core';
import type { admin_directory_v1 } from '@googleapis/admin';

import { type PageContext, callOptions, readAllPages, scopeParams } from './directory-pages';
import { type GoogleFilter, passesFilter } from './google-filter';

/** The most users one `users.list` page may hold; upstream left the API's default of 100. */
export const USERS_PAGE_SIZE = 500;

export interface UserRead {
  readonly users: DirectoryUser[];
  /** Active users skipped because they have no email at all. */
  readonly withoutEmail: number;
}

/**
 * Active users (`deleted: false`), or with `deleted` the users deleted in the last 20 days
 * (`showDeleted=true`). Suspended or archived users are disabled. Active users without any
 * email are skipped, as upstream did.
 */
export async function readUsers(
  context: PageContext,
  filter: GoogleFilter,
  deleted: boolean,
  onPage: (count: number) => void,
): Promise<UserRead> {
  const users: DirectoryUser[] = [];
  let withoutEmail = 0;
  await readAllPages(
    context,
    deleted ? 'users.list (deleted users)' : 'users.list',
    async (pageToken) => {
      const response = await context.directory.users.list(
        {
          ...scopeParams(context),
          maxResults: USERS_PAGE_SIZE,
          ...(filter.query ? { query: filter.query } : {}),
          ...(deleted ? { showDeleted: 'true' } : {}),
          ...(pageToken ? { pageToken } : {}),
        },
        callOptions(context),
      );
      return { items: response.data.users ?? [], nextPageToken: response.data.nextPageToken };
    },
    (page) => {
      for (const user of page) {
        const entry = toDirectoryUser(user, deleted);
        withoutEmail += entry === null && user.id ? 1 : 0;
        if (entry && passesFilter(filter, entry.email)) {
          users.push(entry);
        }
      }
      onPage(users.length);
    },
  );
  return { users, withoutEmail };
}

function toDirectoryUser(
  user: admin_directory_v1.Schema$User,
  deleted: boolean,
): DirectoryUser | null {
  if (!user.id || (!deleted && (!Array.isArray(user.emails) || user.emails.length === 0))) {
    return null;
  }
  return {
    externalId: user.id,
    referenceId: user.id,
    email: user.primaryEmail?.trim().toLowerCase() ?? null,
    disabled: Boolean(user.suspended) || Boolean(user.archived),
    deleted,
  };
}

import type { DirectoryUser } from '@bwdc/core';

import type { ReadProgressCounter } from '../ldap/read-progress';
import { mapConcurrently } from '../shared/map-concurrently';
import { EntraError } from './entra-error';
import { passes, type EntraUserFilter } from './entra-filters';
import type { GraphClient } from './graph-client';
import {
  PAGE_SIZE,
  USER_FIELDS,
  deletedUser,
  idSegment,
  isUser,
  mapUser,
  type GraphObject,
  type SkipReason,
} from './graph-objects';

export interface UserRead {
  readonly users: DirectoryUser[];
  /** How many users Graph listed that are not synced, by reason (guests are counted here). */
  readonly skipped: Readonly<Record<SkipReason, number>>;
}

/** The current users the user filter selects (deleted users are read by `readDeletedUsers`). */
export async function readUsers(
  graph: GraphClient,
  filter: EntraUserFilter,
  concurrency: number,
  progress: ReadProgressCounter,
): Promise<UserRead> {
  const listed =
    filter.kind === 'groups' && filter.includeGroups !== null
      ? await transitiveUsers(graph, filter.includeGroups, concurrency)
      : (await graph.all<GraphObject>(`/users?$select=${USER_FIELDS}&$top=${PAGE_SIZE}`)).items;
  const excludedIds =
    filter.kind === 'groups' && filter.excludeGroups.length > 0
      ? new Set((await transitiveUsers(graph, filter.excludeGroups, concurrency)).map((u) => u.id))
      : new Set<string>();
  const skipped: Record<SkipReason, number> = { guest: 0, 'no-email': 0 };
  const users: DirectoryUser[] = [];
  for (const object of listed) {
    const mapped = mapUser(object);
    if (mapped.skipped) {
      skipped[mapped.skipped] += 1;
      continue;
    }
    const user = mapped.user;
    if (excludedIds.has(user.externalId) || !selectedByEmail(filter, user.email)) {
      continue;
    }
    users.push(user);
    progress.user();
  }
  return { users, skipped };
}

function selectedByEmail(filter: EntraUserFilter, email: string | null): boolean {
  if (filter.kind === 'emails') {
    return passes(filter.mode, filter.emails, email);
  }
  if (filter.kind === 'groups') {
    return passes('exclude', filter.excludeEmails, email);
  }
  return true;
}

/** The users reachable from the groups through nesting, each once, in the groups' order. */
async function transitiveUsers(
  graph: GraphClient,
  groupIds: readonly string[],
  concurrency: number,
): Promise<GraphObject[]> {
  const perGroup = await mapConcurrently(groupIds, concurrency, async (id) => {
    const path = `/groups/${idSegment(id)}/transitiveMembers?$select=${USER_FIELDS}&$top=${PAGE_SIZE}`;
    return (await graph.all<GraphObject>(path)).items;
  });
  const byId = new Map<string, GraphObject>();
  for (const member of perGroup.flat()) {
    if (isUser(member) && !byId.has(member.id)) {
      byId.set(member.id, member);
    }
  }
  return [...byId.values()];
}

export interface DeletedUsersRead {
  readonly deleted: DirectoryUser[];
  /** The deltaLink to start from next time (the cursor's `userDeltaToken`). */
  readonly deltaLink: string | null;
}

/**
 * Soft-deleted users (`@removed` with reason `changed`, as upstream) from the users delta query:
 * from the stored deltaLink when there is one, else a new round. A stored link Graph no longer
 * accepts (expired, or from another Graph) starts a new round, as upstream.
 */
export async function readDeletedUsers(
  graph: GraphClient,
  deltaToken: string | null,
): Promise<DeletedUsersRead> {
  // Delta queries take their page size from this header, not from $top.
  const headers = { prefer: `odata.maxpagesize=${PAGE_SIZE}` };
  let collection;
  try {
    collection = deltaToken ? await graph.all<GraphObject>(deltaToken, headers) : null;
  } catch (error) {
    if (
      !(error instanceof EntraError) ||
      !['ENTRA_READ_FAILED', 'ENTRA_NOT_FOUND'].includes(error.code)
    ) {
      throw error;
    }
    collection = null;
  }
  collection ??= await graph.all<GraphObject>('/users/delta?$select=id', headers);
  const deleted = collection.items
    .filter((object) => object['@removed']?.reason === 'changed')
    .map((object) => deletedUser(object.id));
  return { deleted, deltaLink: collection.deltaLink };
}

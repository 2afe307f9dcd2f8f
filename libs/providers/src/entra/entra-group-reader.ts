import type { DirectoryGroup } from '@bwdc/core';

import type { ReadProgressCounter } from '../ldap/read-progress';
import { mapConcurrently } from '../shared/map-concurrently';
import { graphFailure } from './entra-error';
import { passes, type EntraGroupFilter } from './entra-filters';
import type { BatchAnswer, GraphClient, GraphPage } from './graph-client';
import { isRetryableStatus } from './graph-retry';
import { PAGE_SIZE, idSegment, isGroup, isUser, type GraphObject } from './graph-objects';

/** Graph takes at most 20 requests in one `$batch`. */
const BATCH_LIMIT = 20;

/**
 * The groups the group filter selects, each with its direct members: users by object id, nested
 * groups by theirs (the engine flattens them). Membership is asked 20 groups to a `$batch`, with
 * up to `concurrency` batches in flight; upstream made one call per group, one after another.
 */
export async function readGroups(
  graph: GraphClient,
  filter: EntraGroupFilter,
  concurrency: number,
  progress: ReadProgressCounter,
): Promise<DirectoryGroup[]> {
  const all = (await graph.all<GraphObject>(`/groups?$select=id,displayName&$top=${PAGE_SIZE}`))
    .items;
  const selected = await selectGroups(graph, filter, all, concurrency);
  const batches: GraphObject[][] = [];
  for (let start = 0; start < selected.length; start += BATCH_LIMIT) {
    batches.push(selected.slice(start, start + BATCH_LIMIT));
  }
  const read = await mapConcurrently(batches, concurrency, async (batch) => {
    const paths = batch.map(
      (group) => `/groups/${idSegment(group.id)}/members?$select=id&$top=${PAGE_SIZE}`,
    );
    const answers = await graph.batch(paths);
    const groups: DirectoryGroup[] = [];
    for (const [index, group] of batch.entries()) {
      const members = await membersOf(graph, paths[index] ?? '', answers[index]);
      progress.group();
      groups.push({
        externalId: group.id,
        referenceId: group.id,
        name: group.displayName ?? group.id,
        userMemberExternalIds: members.filter(isUser).map((member) => member.id),
        groupMemberReferenceIds: members.filter(isGroup).map((member) => member.id),
      });
    }
    return groups;
  });
  return read.flat();
}

/**
 * One group's members from its answer in a batch: the first page, then its nextLinks. A request
 * the batch answered with throttling or a transient failure is made again on its own, with the
 * client's retries; any other failure fails the read.
 */
async function membersOf(
  graph: GraphClient,
  path: string,
  answer: BatchAnswer | undefined,
): Promise<GraphObject[]> {
  const status = answer?.status ?? 0;
  if (status === 200) {
    const page = (answer?.body ?? {}) as GraphPage<GraphObject>;
    const next = page['@odata.nextLink'];
    const rest = next === undefined ? [] : (await graph.all<GraphObject>(next)).items;
    return [...(page.value ?? []), ...rest];
  }
  if (status === 0 || isRetryableStatus(status)) {
    return (await graph.all<GraphObject>(path)).items;
  }
  throw graphFailure(
    status,
    JSON.stringify(answer?.body ?? ''),
    graph.tenant,
    `GET /v1.0${path.split('?')[0] ?? ''} (in $batch)`,
  );
}

async function selectGroups(
  graph: GraphClient,
  filter: EntraGroupFilter,
  groups: readonly GraphObject[],
  concurrency: number,
): Promise<GraphObject[]> {
  switch (filter.kind) {
    case 'all':
      return [...groups];
    case 'names':
      return groups.filter((group) => passes(filter.mode, filter.names, group.displayName ?? null));
    case 'administrative-units': {
      // As upstream: the units' groups are matched by display name.
      const names = new Set<string>();
      await mapConcurrently(filter.unitIds, concurrency, async (unitId) => {
        const path = `/directory/administrativeUnits/${idSegment(unitId)}/members?$select=id,displayName&$top=${PAGE_SIZE}`;
        for (const member of (await graph.all<GraphObject>(path)).items) {
          if (isGroup(member) && member.displayName) {
            names.add(member.displayName.trim().toLowerCase());
          }
        }
      });
      return groups.filter((group) => passes(filter.mode, names, group.displayName ?? null));
    }
  }
}

/**
 * Upstream's `filterUsersFromGroupsSet`: with a group filter, only users in a synced group are
 * synced. Deleted users always stay, and so do disabled ones when `removeDisabled` is on (so
 * that Bitwarden removes them).
 */
export function usersInSyncedGroups<
  T extends { externalId: string; deleted: boolean; disabled: boolean },
>(users: readonly T[], groups: readonly DirectoryGroup[], removeDisabled: boolean): T[] {
  const members = new Set(groups.flatMap((group) => group.userMemberExternalIds));
  return users.filter(
    (user) => user.deleted || (user.disabled && removeDisabled) || members.has(user.externalId),
  );
}

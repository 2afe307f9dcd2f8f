import type { BitwardenClient } from '../bitwarden/bitwarden-client';
import type { OrganizationGroup, OrganizationMember } from '../bitwarden/organization-model';
import type { SyncPlan } from '../sync/sync-plan';

/** A group as the Public API lists it, with its member ids when they were read. */
export interface OrganizationGroupState extends OrganizationGroup {
  /** Membership ids; null when not read (the import leaves groups it does not name alone). */
  readonly memberIds: readonly string[] | null;
}

/** The organization as the Public API shows it: what the import is applied to. */
export interface OrganizationState {
  readonly members: readonly OrganizationMember[];
  readonly groups: readonly OrganizationGroupState[];
}

/** The part of the client that reads the organization. */
export type OrganizationReader = Pick<
  BitwardenClient,
  'listMembers' | 'listGroups' | 'groupMemberIds'
>;

export interface ReadOrganizationOptions {
  /** External ids of the groups whose members to read; `none` reads no group's members. */
  readonly groupMembersOf: 'none' | ReadonlySet<string>;
  /** Group member reads in flight at once. */
  readonly concurrency?: number;
}

const DEFAULT_CONCURRENCY = 8;

/**
 * Reads members and groups, and the member ids of the named groups only: reading every group's
 * members would cost one request per group, and the import never touches groups it does not name.
 */
export async function readOrganization(
  client: OrganizationReader,
  options: ReadOrganizationOptions,
): Promise<OrganizationState> {
  const [members, groups] = await Promise.all([client.listMembers(), client.listGroups()]);
  const wanted = options.groupMembersOf;
  const toRead =
    wanted === 'none'
      ? []
      : groups.filter((group) => group.externalId !== null && wanted.has(group.externalId));
  const memberIds = await mapConcurrently(
    toRead,
    options.concurrency ?? DEFAULT_CONCURRENCY,
    async (group) => [group.id, await client.groupMemberIds(group.id)] as const,
  );
  const memberIdsByGroup = new Map(memberIds);
  return {
    members,
    groups: groups.map((group) => ({
      ...group,
      memberIds: memberIdsByGroup.get(group.id) ?? null,
    })),
  };
}

/** The external ids of the groups a sync plan sends: the groups whose members the plan needs. */
export function groupsNamedBy(plan: Pick<SyncPlan, 'requests'>): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const request of plan.requests) {
    for (const group of request.groups) {
      ids.add(group.externalId);
    }
  }
  return ids;
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the order of `items`. */
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  const workers = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

import type { DirectoryGroup, FlattenedGroup } from '../model/directory-group';
import { compareStrings } from './canonical-order';
import { stronglyConnectedComponents } from './strongly-connected-components';

/**
 * Gives every group all the users it reaches through nested groups, cycles included.
 *
 * Groups that reach each other (a cycle) form one strongly connected component and share one
 * member list; components are then merged once each, sinks first. The graph work is linear in
 * groups + nesting links; merging is proportional to the flattened memberships it produces.
 * Members are handled as ranks into one sorted list of ids, so merging works on typed arrays
 * instead of sets of strings and every list comes out sorted. References to groups
 * that are not in the list are ignored.
 *
 * `knownMemberIds` may give ids (the users' external ids) already in canonical order, so that only
 * ids outside it have to be sorted; the result is the same either way.
 */
export function flattenGroups(
  groups: readonly DirectoryGroup[],
  knownMemberIds: readonly string[] = [],
): FlattenedGroup[] {
  const members = rankMembers(groups, knownMemberIds);
  const successors = nestedGroupIndexes(groups);
  const { componentOf, components } = stronglyConnectedComponents(successors);

  const merger = new RankMerger(members.sortedIds.length);
  const componentRanks: Int32Array[] = [];
  for (const [componentId, nodes] of components.entries()) {
    const reached = new Set<Int32Array>();
    let direct = 0;
    for (const node of nodes) {
      direct += (members.directRanks[node] as Int32Array).length;
      for (const next of successors[node] as readonly number[]) {
        const nextComponent = componentOf[next] as number;
        if (nextComponent !== componentId) {
          reached.add(componentRanks[nextComponent] as Int32Array);
        }
      }
    }
    componentRanks[componentId] =
      direct === 0 && reached.size <= 1
        ? (reached.values().next().value ?? new Int32Array(0))
        : merger.merge([
            ...nodes.map((node) => members.directRanks[node] as Int32Array),
            ...reached,
          ]);
  }

  const idLists = new Map<Int32Array, readonly string[]>();
  return groups.map((group, index) => {
    const ranks = componentRanks[componentOf[index] as number] as Int32Array;
    let ids = idLists.get(ranks);
    if (!ids) {
      ids = idsOfRanks(ranks, members.sortedIds);
      idLists.set(ranks, ids);
    }
    return {
      externalId: group.externalId,
      referenceId: group.referenceId,
      name: group.name,
      memberExternalIds: ids,
    };
  });
}

interface RankedMembers {
  /** Every distinct direct member id, in canonical order; a rank is an index into it. */
  readonly sortedIds: readonly string[];
  /** Each group's direct members as ranks. */
  readonly directRanks: readonly Int32Array[];
}

/**
 * Slots: known ids first (in their given order), then other member ids in the order met. Ranks:
 * positions in the merge of the known ids with the sorted others.
 */
function rankMembers(
  groups: readonly DirectoryGroup[],
  knownMemberIds: readonly string[],
): RankedMembers {
  const known = distinctInCanonicalOrder(knownMemberIds);
  const slotOf = new Map<string, number>();
  known.forEach((id, slot) => slotOf.set(id, slot));
  const others: string[] = [];
  // Plain indexed loops: Int32Array.from and TypedArray.map with a callback are several times
  // slower, and these run once per membership.
  const directSlots = groups.map((group) => {
    const ids = group.userMemberExternalIds;
    const slots = new Int32Array(ids.length);
    for (let index = 0; index < ids.length; index += 1) {
      const id = ids[index] as string;
      let slot = slotOf.get(id);
      if (slot === undefined) {
        slot = known.length + others.length;
        slotOf.set(id, slot);
        others.push(id);
      }
      slots[index] = slot;
    }
    return slots;
  });

  const otherOrder = Int32Array.from(others.keys()).sort((a, b) =>
    compareStrings(others[a] as string, others[b] as string),
  );
  const rankOfSlot = new Int32Array(known.length + others.length);
  const sortedIds: string[] = [];
  let nextKnown = 0;
  let nextOther = 0;
  while (nextKnown < known.length || nextOther < otherOrder.length) {
    const knownId = known[nextKnown];
    const otherSlot = otherOrder[nextOther];
    const otherId = otherSlot === undefined ? undefined : others[otherSlot];
    if (knownId !== undefined && (otherId === undefined || compareStrings(knownId, otherId) < 0)) {
      rankOfSlot[nextKnown] = sortedIds.length;
      sortedIds.push(knownId);
      nextKnown += 1;
    } else {
      rankOfSlot[known.length + (otherSlot as number)] = sortedIds.length;
      sortedIds.push(otherId as string);
      nextOther += 1;
    }
  }
  for (const slots of directSlots) {
    for (let index = 0; index < slots.length; index += 1) {
      slots[index] = rankOfSlot[slots[index] as number] as number;
    }
  }
  return { sortedIds, directRanks: directSlots };
}

function idsOfRanks(ranks: Int32Array, sortedIds: readonly string[]): string[] {
  const ids = new Array<string>(ranks.length);
  for (let index = 0; index < ranks.length; index += 1) {
    ids[index] = sortedIds[ranks[index] as number] as string;
  }
  return ids;
}

/** The given ids without repeats, sorted; a list that already is (the usual case) costs one pass. */
function distinctInCanonicalOrder(ids: readonly string[]): readonly string[] {
  let ordered = true;
  let distinct = true;
  for (let index = 1; index < ids.length && ordered; index += 1) {
    const order = compareStrings(ids[index - 1] as string, ids[index] as string);
    ordered = order <= 0;
    distinct &&= order !== 0;
  }
  if (ordered && distinct) {
    return ids;
  }
  const sorted = ordered ? ids : [...ids].sort(compareStrings);
  return sorted.filter((id, index) => index === 0 || id !== sorted[index - 1]);
}

function nestedGroupIndexes(groups: readonly DirectoryGroup[]): number[][] {
  const indexesByReference = new Map<string, number[]>();
  groups.forEach((group, index) => {
    const indexes = indexesByReference.get(group.referenceId);
    if (indexes) {
      indexes.push(index);
    } else {
      indexesByReference.set(group.referenceId, [index]);
    }
  });
  return groups.map((group) =>
    group.groupMemberReferenceIds.flatMap((reference) => indexesByReference.get(reference) ?? []),
  );
}

/**
 * Unions rank lists without a set per union: a stamp per rank marks what the current merge has
 * taken, and one scratch buffer collects it.
 */
class RankMerger {
  private readonly stamp: Int32Array;
  private readonly scratch: Int32Array;
  private merges = 0;

  constructor(rankCount: number) {
    this.stamp = new Int32Array(rankCount);
    this.scratch = new Int32Array(rankCount);
  }

  /** The sorted union of the given rank lists. */
  merge(lists: readonly Int32Array[]): Int32Array {
    this.merges += 1;
    const mark = this.merges;
    const { stamp, scratch } = this;
    let taken = 0;
    for (const ranks of lists) {
      for (const rank of ranks) {
        if (stamp[rank] !== mark) {
          stamp[rank] = mark;
          scratch[taken] = rank;
          taken += 1;
        }
      }
    }
    return scratch.slice(0, taken).sort();
  }
}

import type { PlanView } from '../../shared/plan-view';

type Lists = Partial<PlanView['members']> & {
  readonly groups?: Partial<PlanView['groups']>;
  readonly guard?: Partial<PlanView['guard']>;
  readonly outcome?: PlanView['outcome'];
  readonly refusal?: PlanView['refusal'];
  readonly overwriteUnknowns?: PlanView['overwriteUnknowns'];
};

/** A preview with the lists given: a sync that sends, nothing removed, the guard at 10 of 1. */
export function planView(lists: Lists = {}): PlanView {
  const { groups, guard, outcome, refusal, overwriteUnknowns, ...members } = lists;
  const view = {
    added: [],
    addedAs: 'invited' as const,
    linked: [],
    removed: [],
    skipped: [],
    unchanged: 0,
    ...members,
  };
  return {
    mode: 'full',
    outcome: outcome ?? 'send',
    members: view,
    groups: { created: [], updated: [], unchanged: 0, ...groups },
    seats: { members: 1, newlyOccupied: view.added.length },
    guard: {
      removals: view.removed.length,
      limit: 10,
      organizationMembers: 1,
      tooManyRemovals: false,
      emptyReadAfter: null,
      ...guard,
    },
    refusal: refusal ?? null,
    overwriteUnknowns: overwriteUnknowns ?? [],
  };
}

export function member(name: string): { readonly email: string; readonly externalId: string } {
  return { email: `${name}@example.com`, externalId: `uid=${name}` };
}

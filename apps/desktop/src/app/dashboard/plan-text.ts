import type { PlanView } from '../../shared/plan-view';
import { countOf, type DisplayFormat, formatCount } from '../format/display-format';

/** The deletion guard's verdict on a preview, as one sentence, and whether the sync is refused. */
export function guardVerdictText(
  view: PlanView,
  format: DisplayFormat,
): { readonly refused: boolean; readonly text: string } {
  const { removals, limit, organizationMembers, tooManyRemovals, emptyReadAfter } = view.guard;
  const removing = countOf(removals, 'member', format);
  if (emptyReadAfter !== null) {
    return {
      refused: true,
      text: `Sync would be refused: the directory returned no users, where the last sync had ${formatCount(emptyReadAfter, format)}.`,
    };
  }
  if (tooManyRemovals && limit !== null) {
    return {
      refused: true,
      text: `Sync would be refused: it removes ${removing} of ${formatCount(organizationMembers, format)}, more than the deletion guard allows (${formatCount(limit, format)}).`,
    };
  }
  if (removals === 0) {
    return { refused: false, text: 'The sync removes no members.' };
  }
  return {
    refused: false,
    text:
      limit === null
        ? `The sync removes ${removing}; the deletion guard is off.`
        : `The sync removes ${removing}, within the deletion guard's limit of ${formatCount(limit, format)}.`,
  };
}

/** What the organization looks like after the sync, in counts. */
export function planSummary(view: PlanView, format: DisplayFormat): readonly [string, string][] {
  const { members, groups, seats } = view;
  const count = (value: number) => formatCount(value, format);
  const addedAs = members.addedAs === 'invited' ? 'invited' : 'invited or staged';
  return [
    [
      'Members',
      `${count(members.added.length)} to add (${addedAs}), ${count(members.linked.length)} linked by email, ${count(members.removed.length)} removed, ${count(members.skipped.length)} skipped, ${count(members.unchanged)} unchanged`,
    ],
    [
      'Seats',
      `${count(seats.newlyOccupied)} newly occupied (the organization has ${countOf(seats.members, 'member', format)} now)`,
    ],
    [
      'Groups',
      `${count(groups.created.length)} created, ${count(groups.updated.length)} changed, ${count(groups.unchanged)} unchanged`,
    ],
  ];
}

/** Why nothing would change, when the next sync would send nothing. */
export function planOutcomeText(view: PlanView): string | null {
  switch (view.outcome) {
    case 'send':
      return null;
    case 'unchanged':
      return 'Nothing changed in the directory since the last sync: the next sync sends nothing.';
    case 'empty':
      return 'The directory returned no users or groups: the next sync sends nothing.';
  }
}

/** The silent trap behind a skipped entry, and its fix, in one sentence. */
export const SKIPPED_EXPLANATION =
  'Bitwarden ignores these entries because their email already belongs to a member with another external id (a recreated account, or another directory synced it): remove that member from the organization, or sync the directory it came from, and the next sync links the entry.';

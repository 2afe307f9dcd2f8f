import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';

import type { PlanGroupView, PlanView } from '../../../shared/plan-view';
import { DISPLAY_FORMAT, formatCount } from '../../format/display-format';
import { guardVerdictText, planOutcomeText, planSummary, SKIPPED_EXPLANATION } from '../plan-text';
import { REMOVAL_REASONS } from '../removal-reason-text';
import { ExpandedKeys } from '../result-list/expanded-keys';
import { type Paging, pagedList } from '../result-list/paged-list';
import { SearchableTabsComponent, type ResultTab } from '../result-list/searchable-tabs.component';

/** The lists a preview shows, one at a time. */
export type PlanSection = 'added' | 'linked' | 'removed' | 'skipped' | 'groups';

/** Rows rendered at once; "Show more" adds as many again. */
export const PLAN_PAGE_SIZE = 200;

/** A member row: the email, and what the sync does with it or why. */
export interface PlanMemberRow {
  readonly key: string;
  readonly email: string;
  readonly detail: string;
}

/** A group row: created or changed, with the members it gains and loses. */
export interface PlanGroupRow {
  readonly externalId: string;
  readonly name: string;
  readonly change: string;
  readonly membersAdded: readonly string[];
  readonly membersRemoved: readonly string[];
}

/** What "Preview changes" found, as Test now lists its results: searchable, a page at a time. */
@Component({
  selector: 'bwdc-plan-results',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SearchableTabsComponent],
  templateUrl: './plan-results.component.html',
  styleUrl: './plan-results.component.css',
})
export class PlanResultsComponent {
  private readonly format = inject(DISPLAY_FORMAT);

  readonly view = input<PlanView | null>(null);

  readonly section = signal<PlanSection>('added');
  readonly query = signal('');
  readonly expanded = new ExpandedKeys();

  readonly summary = computed(() => {
    const view = this.view();
    return view === null ? [] : planSummary(view, this.format);
  });
  readonly verdict = computed(() => {
    const view = this.view();
    return view === null ? null : guardVerdictText(view, this.format);
  });
  readonly outcome = computed(() => {
    const view = this.view();
    return view === null ? null : planOutcomeText(view);
  });
  readonly skippedExplanation = SKIPPED_EXPLANATION;

  readonly sections = computed(() => {
    const view = this.view();
    return [
      { id: 'added', label: 'To add', count: view?.members.added.length ?? 0 },
      { id: 'linked', label: 'To link by email', count: view?.members.linked.length ?? 0 },
      { id: 'removed', label: 'To remove', count: view?.members.removed.length ?? 0 },
      { id: 'skipped', label: 'Skipped', count: view?.members.skipped.length ?? 0 },
      {
        id: 'groups',
        label: 'Group changes',
        count: (view?.groups.created.length ?? 0) + (view?.groups.updated.length ?? 0),
      },
    ] as const satisfies readonly ResultTab<PlanSection>[];
  });

  private readonly members = computed<readonly PlanMemberRow[]>(() => {
    const view = this.view();
    if (view === null) {
      return [];
    }
    const { members } = view;
    switch (this.section()) {
      case 'added':
        return members.added.map((member) => ({
          key: member.externalId,
          email: member.email,
          detail: member.externalId,
        }));
      case 'linked':
        return members.linked.map((member) => ({
          key: member.externalId,
          email: member.email,
          detail: `linked to ${member.externalId}`,
        }));
      case 'removed':
        return members.removed.map((member, index) => ({
          key: member.externalId ?? `removed-${index}`,
          email: member.email,
          detail: REMOVAL_REASONS[member.reason],
        }));
      case 'skipped':
        return members.skipped.map((member) => ({
          key: member.externalId,
          email: member.email,
          detail: `directory id ${member.externalId}; the member's is ${member.existingExternalId ?? 'none'}`,
        }));
      case 'groups':
        return [];
    }
  });

  private readonly groups = computed<readonly PlanGroupRow[]>(() => {
    const view = this.view();
    if (view === null) {
      return [];
    }
    return [
      ...view.groups.created.map((group) => groupRow(group, 'new')),
      ...view.groups.updated.map((group) =>
        groupRow(
          group,
          group.renamedFrom === null ? 'changed' : `renamed from ${group.renamedFrom}`,
        ),
      ),
    ];
  });

  private readonly paging: Paging = {
    query: this.query,
    resetOn: () => [this.view(), this.section()],
    pageSize: PLAN_PAGE_SIZE,
  };
  readonly memberList = pagedList(this.paging, this.members, (row) => [row.email, row.detail]);
  readonly groupList = pagedList(this.paging, this.groups, (group) => [
    group.name,
    ...group.membersAdded,
    ...group.membersRemoved,
  ]);
  readonly isGroups = computed(() => this.section() === 'groups');
  readonly list = computed(() => (this.isGroups() ? this.groupList : this.memberList));

  count(value: number): string {
    return formatCount(value, this.format);
  }
}

function groupRow(group: PlanGroupView, change: string): PlanGroupRow {
  return {
    externalId: group.externalId,
    name: group.name,
    change,
    membersAdded: group.membersAdded,
    membersRemoved: group.membersRemoved,
  };
}

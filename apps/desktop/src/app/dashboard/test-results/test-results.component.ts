import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { DirectoryNotice, DropReason, OutOfScopeReason, SkippedUserReason } from '@bwdc/core';

import type { TestView, UserView } from '../../../shared/connector-bridge';
import { DISPLAY_FORMAT, formatCount } from '../../format/display-format';
import { ExpandedKeys } from '../result-list/expanded-keys';
import { type Paging, pagedList } from '../result-list/paged-list';
import { SearchableTabsComponent, type ResultTab } from '../result-list/searchable-tabs.component';

/** The lists a test shows, one at a time. */
export type Section = 'enabled' | 'disabled' | 'deleted' | 'groups';

/** Rows rendered at once; "Show more" adds as many again (directories list thousands). */
export const PAGE_SIZE = 200;

const DROP_REASONS: Record<DropReason, string> = {
  'missing-email': 'No email: Bitwarden links members by email.',
  'email-too-long': 'The email is longer than the 256 characters Bitwarden accepts.',
  'identical-duplicate': 'An exact copy of another entry, sent once.',
  'deleted-duplicate-of-active': 'A deleted entry whose email belongs to an active user.',
};

const OUT_OF_SCOPE_REASONS: Record<OutOfScopeReason, string> = {
  'outside-user-path': 'Not a synced group, and outside the user search path.',
  'excluded-by-filter': 'Not a synced group, and excluded by the user object class or filter.',
  'unknown-uid': 'No synced user has this uid.',
  'unknown-member': 'None of the users or groups in the file.',
};

const SKIPPED_USER_REASONS: Record<SkippedUserReason, string> = {
  guest: 'Guests of the tenant, left out as upstream leaves them out.',
  'no-email': 'No email in the attributes the directory is read from.',
};

/** A group as listed: its members by email (or by id, when no listed user has that id). */
export interface GroupRow {
  readonly externalId: string;
  readonly name: string;
  readonly members: readonly string[];
}

/** One thing the sync would not send, and why. */
export interface LeftOut {
  readonly what: string;
  readonly why: string;
}

/** What "Test now" found (upstream's dashboard lists), searchable and shown a page at a time. */
@Component({
  selector: 'bwdc-test-results',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SearchableTabsComponent],
  templateUrl: './test-results.component.html',
  styleUrl: './test-results.component.css',
})
export class TestResultsComponent {
  private readonly format = inject(DISPLAY_FORMAT);

  /** The last test's result; null before any. */
  readonly view = input<TestView | null>(null);

  readonly section = signal<Section>('enabled');
  readonly query = signal('');
  readonly expanded = new ExpandedKeys();

  readonly sections = computed(() => {
    const view = this.view();
    return [
      { id: 'enabled', label: 'Enabled users', count: view?.enabledUsers.length ?? 0 },
      { id: 'disabled', label: 'Disabled users', count: view?.disabledUsers.length ?? 0 },
      { id: 'deleted', label: 'Deleted users', count: view?.deletedUsers.length ?? 0 },
      { id: 'groups', label: 'Groups', count: view?.groups.length ?? 0 },
    ] as const satisfies readonly ResultTab<Section>[];
  });

  private readonly emailsById = computed(() => {
    const view = this.view();
    const emails = new Map<string, string>();
    if (view !== null) {
      for (const user of [...view.enabledUsers, ...view.disabledUsers, ...view.deletedUsers]) {
        emails.set(user.externalId, user.email ?? user.referenceId);
      }
    }
    return emails;
  });

  private readonly groups = computed<readonly GroupRow[]>(() => {
    const emails = this.emailsById();
    return (this.view()?.groups ?? []).map((group) => ({
      externalId: group.externalId,
      name: group.name,
      members: group.memberExternalIds.map((id) => emails.get(id) ?? id),
    }));
  });

  private readonly users = computed<readonly UserView[]>(() => {
    const view = this.view();
    switch (this.section()) {
      case 'enabled':
        return view?.enabledUsers ?? [];
      case 'disabled':
        return view?.disabledUsers ?? [];
      case 'deleted':
        return view?.deletedUsers ?? [];
      case 'groups':
        return [];
    }
  });

  private readonly paging: Paging = {
    query: this.query,
    resetOn: () => [this.view(), this.section()],
    pageSize: PAGE_SIZE,
  };
  readonly userList = pagedList(this.paging, this.users, (user) => [user.email, user.referenceId]);
  readonly groupList = pagedList(this.paging, this.groups, (group) => [
    group.name,
    ...group.members,
  ]);
  readonly isGroups = computed(() => this.section() === 'groups');
  readonly list = computed(() => (this.isGroups() ? this.groupList : this.userList));

  /** What the sync would not send: dropped users and the directory's notices. */
  readonly leftOut = computed<readonly LeftOut[]>(() => {
    const view = this.view();
    if (view === null) {
      return [];
    }
    return [
      ...view.dropped.map((user) => ({
        what: user.email === null ? user.referenceId : `${user.email} (${user.referenceId})`,
        why: DROP_REASONS[user.reason],
      })),
      ...view.notices.map(describeNotice),
    ];
  });

  /** A count with the locale's thousands separators. */
  count(value: number): string {
    return formatCount(value, this.format);
  }
}

function describeNotice(notice: DirectoryNotice): LeftOut {
  switch (notice.kind) {
    case 'member-out-of-scope':
      return {
        what: `${notice.member} in group ${notice.group}`,
        why: OUT_OF_SCOPE_REASONS[notice.reason],
      };
    case 'deleted-users-unavailable':
      return {
        what: 'Deleted users',
        why: `The directory's deleted users could not be read, so members deleted there are not removed from the organization: ${notice.detail}`,
      };
    case 'users-skipped':
      return { what: `${notice.count} users`, why: SKIPPED_USER_REASONS[notice.reason] };
  }
}

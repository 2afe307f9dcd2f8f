import {
  userState,
  type ConnectorTestResult,
  type NormalisedUser,
  type UserState,
} from '@bwdc/core';

import type { TestView, UserView } from '../../shared/connector-bridge';

/** A test run's plan as the dashboard lists it: users by state, groups with their members. */
export function testViewOf({ plan }: ConnectorTestResult): TestView {
  const view = (user: NormalisedUser): UserView => ({
    externalId: user.externalId,
    email: user.email,
    referenceId: user.referenceId,
  });
  const lists: Record<UserState, UserView[]> = { enabled: [], disabled: [], deleted: [] };
  for (const user of plan.users) {
    lists[userState(user)].push(view(user));
  }
  return {
    enabledUsers: lists.enabled,
    disabledUsers: lists.disabled,
    deletedUsers: lists.deleted,
    groups: plan.groups.map((group) => ({
      externalId: group.externalId,
      name: group.name,
      memberExternalIds: [...group.memberExternalIds],
    })),
    counts: plan.counts,
    dropped: plan.dropped,
    notices: plan.notices,
  };
}

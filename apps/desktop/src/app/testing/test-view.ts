import type { TestView, UserView } from '../../shared/connector-bridge';

export function user(externalId: string, email: string | null, referenceId: string): UserView {
  return { externalId, email, referenceId };
}

/** A test's result with the lists given; counts follow the lists, nothing else is set. */
export function testView(lists: Partial<Omit<TestView, 'counts'>>): TestView {
  const view = {
    enabledUsers: [],
    disabledUsers: [],
    deletedUsers: [],
    groups: [],
    dropped: [],
    notices: [],
    ...lists,
  };
  const users = view.enabledUsers.length + view.disabledUsers.length + view.deletedUsers.length;
  return {
    ...view,
    counts: {
      users,
      enabledUsers: view.enabledUsers.length,
      disabledUsers: view.disabledUsers.length,
      deletedUsers: view.deletedUsers.length,
      sentAsDeleted: view.deletedUsers.length,
      groups: view.groups.length,
      memberships: view.groups.reduce((sum, group) => sum + group.memberExternalIds.length, 0),
      droppedUsers: view.dropped.length,
      requests: users + view.groups.length === 0 ? 0 : 1,
    },
  };
}

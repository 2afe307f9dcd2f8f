import { userState, type ConnectorTestResult } from '@bwdc/core';

import type { TestData, TestUser } from './response';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** `bwdc test` in upstream's shape: users split into enabled, disabled and deleted, by name. */
export function testData({ plan }: ConnectorTestResult): TestData {
  const byName = (a: TestUser, b: TestUser) => collator.compare(a.displayName, b.displayName);
  const enabledUsers: TestUser[] = [];
  const disabledUsers: TestUser[] = [];
  const deletedUsers: TestUser[] = [];
  const lists = { enabled: enabledUsers, disabled: disabledUsers, deleted: deletedUsers };
  for (const user of plan.users) {
    lists[userState(user)].push({
      externalId: user.externalId,
      displayName: user.email ?? user.referenceId,
    });
  }
  return {
    object: 'test',
    groups: plan.groups
      .map((group) => ({
        externalId: group.externalId,
        displayName: group.name,
        userIds: [...group.memberExternalIds],
      }))
      .sort((a, b) => collator.compare(a.displayName, b.displayName)),
    enabledUsers: enabledUsers.sort(byName),
    disabledUsers: disabledUsers.sort(byName),
    deletedUsers: deletedUsers.sort(byName),
  };
}

/** The test result as tables for a person: users by state, then groups with their members. */
export function testDataText(data: TestData): string {
  const names = new Map(
    [...data.enabledUsers, ...data.disabledUsers, ...data.deletedUsers].map((user) => [
      user.externalId,
      user.displayName,
    ]),
  );
  const userTable = (title: string, users: readonly TestUser[]): string[] => [
    `${title} (${users.length})`,
    ...(users.length === 0
      ? ['  none']
      : users.map((user) => `  ${user.displayName.padEnd(40)} ${user.externalId}`)),
  ];
  const groups = data.groups.flatMap((group) => [
    `  ${group.displayName} (${group.userIds.length})`,
    ...group.userIds.map((id) => `    ${names.get(id) ?? id}`),
  ]);
  return [
    ...userTable('Enabled users', data.enabledUsers),
    ...userTable('Disabled users', data.disabledUsers),
    ...userTable('Deleted users', data.deletedUsers),
    `Groups (${data.groups.length})`,
    ...(groups.length === 0 ? ['  none'] : groups),
  ].join('\n');
}

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

/** About how many characters each piece of the tables holds. */
const PIECE_CHARACTERS = 64 * 1024;

/**
 * The test result as tables for a person: users by state, then groups with their members. Made
 * in pieces of about 64 KB, each ending with a newline, as they are printed: a directory of
 * 100,000 users prints about 34 MB, which is never held whole.
 */
export function* testDataPieces(data: TestData): Generator<string> {
  let lines: string[] = [];
  let characters = 0;
  for (const line of testDataLines(data)) {
    lines.push(line);
    characters += line.length + 1;
    if (characters >= PIECE_CHARACTERS) {
      yield `${lines.join('\n')}\n`;
      lines = [];
      characters = 0;
    }
  }
  if (lines.length > 0) {
    yield `${lines.join('\n')}\n`;
  }
}

function* testDataLines(data: TestData): Generator<string> {
  const names = new Map<string, string>();
  for (const user of [...data.enabledUsers, ...data.disabledUsers, ...data.deletedUsers]) {
    names.set(user.externalId, user.displayName);
  }
  const userTable = function* (title: string, users: readonly TestUser[]): Generator<string> {
    yield `${title} (${users.length})`;
    if (users.length === 0) {
      yield '  none';
    }
    for (const user of users) {
      yield `  ${user.displayName.padEnd(40)} ${user.externalId}`;
    }
  };
  yield* userTable('Enabled users', data.enabledUsers);
  yield* userTable('Disabled users', data.disabledUsers);
  yield* userTable('Deleted users', data.deletedUsers);
  yield `Groups (${data.groups.length})`;
  if (data.groups.length === 0) {
    yield '  none';
  }
  for (const group of data.groups) {
    yield `  ${group.displayName} (${group.userIds.length})`;
    for (const id of group.userIds) {
      yield `    ${names.get(id) ?? id}`;
    }
  }
}

import type { DirectoryUser } from '@bwdc/core';
import { z } from 'zod';

import { duplicateKeys } from './duplicates';
import { FileDirectoryError, listProblems } from './file-error';
import type { GroupDeclaration, ParsedDirectory } from './parsed-directory';

const text = z.string().trim().min(1, 'must not be empty');

const JsonUserSchema = z.strictObject({
  /** Optional only for a deleted user, whom Bitwarden removes by external id. */
  email: text.nullable().optional(),
  externalId: text.optional(),
  disabled: z.boolean().default(false),
  deleted: z.boolean().default(false),
});

const JsonGroupSchema = z.strictObject({
  name: text,
  externalId: text.optional(),
  /** Users, by external id or email. */
  members: z.array(text).default([]),
  /** Nested groups, by name or external id. */
  groups: z.array(text).default([]),
});

/** The documented JSON export; unknown keys are refused, so a misspelt `member` is not lost. */
export const JsonExportSchema = z.strictObject({
  users: z.array(JsonUserSchema),
  groups: z.array(JsonGroupSchema).default([]),
});

export function parseJsonExport(content: string, file: string): ParsedDirectory {
  const fail = (problems: readonly string[]) =>
    new FileDirectoryError(
      'FILE_JSON_INVALID',
      file,
      `The JSON directory export ${file} is not valid: ${listProblems(problems)}.`,
      'Fix the named entries; README.md of the file provider shows the expected shape.',
    );
  let document: unknown;
  try {
    document = JSON.parse(content);
  } catch (error) {
    throw fail([error instanceof Error ? error.message : String(error)]);
  }
  const parsed = JsonExportSchema.safeParse(document);
  if (!parsed.success) {
    throw fail(parsed.error.issues.map((issue) => `${pathOf(issue.path)}: ${issue.message}`));
  }
  const problems: string[] = [];
  const users = parsed.data.users.flatMap((user, index): DirectoryUser[] => {
    const externalId = user.externalId ?? user.email ?? null;
    if (externalId === null) {
      problems.push(`users[${index}]: needs an email or an externalId`);
      return [];
    }
    const { disabled, deleted } = user;
    return [{ externalId, referenceId: externalId, email: user.email ?? null, disabled, deleted }];
  });
  const groups = parsed.data.groups.map((group): GroupDeclaration => ({
    externalId: group.externalId ?? group.name,
    referenceId: group.externalId ?? group.name,
    name: group.name,
    members: [
      ...group.members.map((value) => ({
        value,
        names: 'user' as const,
        reasonIfUnknown: 'unknown-member' as const,
      })),
      ...group.groups.map((value) => ({
        value,
        names: 'group' as const,
        reasonIfUnknown: 'unknown-member' as const,
      })),
    ],
  }));
  problems.push(
    ...duplicateKeys(
      users.map((user, index) => ({ key: user.externalId, index })),
      (entry) => entry.key,
      (entry) => `users[${entry.index}]`,
    ).map((duplicate) => `the external id ${duplicate} is given more than once`),
    ...duplicateKeys(
      groups.map((group, index) => ({ key: group.referenceId, index })),
      (entry) => entry.key,
      (entry) => `groups[${entry.index}]`,
    ).map((duplicate) => `the group ${duplicate} is given more than once`),
  );
  if (problems.length > 0) {
    throw fail(problems);
  }
  return { users, groups, lookup: jsonLookup(users, groups) };
}

/** Members by external id, then by email (case-insensitive); groups by external id, then name. */
function jsonLookup(
  users: readonly DirectoryUser[],
  groups: readonly GroupDeclaration[],
): ParsedDirectory['lookup'] {
  const usersById = new Map(users.map((user) => [user.externalId, user]));
  const usersByEmail = new Map(
    users.flatMap((user) => (user.email === null ? [] : [[user.email.toLowerCase(), user]])),
  );
  const groupsById = new Map(groups.map((group) => [group.referenceId, group]));
  const groupsByName = new Map(groups.map((group) => [group.name, group]));
  return {
    user: (reference) => usersById.get(reference) ?? usersByEmail.get(reference.toLowerCase()),
    group: (reference) => groupsById.get(reference) ?? groupsByName.get(reference),
  };
}

/** `users[3].email`, the way an admin would look the entry up in the file. */
function pathOf(path: readonly PropertyKey[]): string {
  return (
    path
      .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
      .join('')
      .replace(/^\./, '') || 'the document'
  );
}

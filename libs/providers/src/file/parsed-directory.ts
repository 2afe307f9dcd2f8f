import type { DirectoryUser, OutOfScopeReason } from '@bwdc/core';

/** A member as a group in the file names it, before it is looked up. */
export interface MemberReference {
  /** As written in the file: an email, an external id, a group name, a DN, a uid. */
  readonly value: string;
  /** What the reference may name; LDIF's `member` holds users and groups alike. */
  readonly names: 'user' | 'group' | 'user-or-group';
  /** The run report's reason when it names nothing in the file. */
  readonly reasonIfUnknown: OutOfScopeReason;
}

/** A group as the file declares it: members still as references. */
export interface GroupDeclaration {
  readonly externalId: string;
  readonly referenceId: string;
  readonly name: string;
  readonly members: readonly MemberReference[];
}

/** Finds what a reference names; each format knows how its references are written. */
export interface MemberLookup {
  user(reference: string): DirectoryUser | undefined;
  group(reference: string): GroupDeclaration | undefined;
}

/** What parsing one export yielded: every user and group in it, and how to find them. */
export interface ParsedDirectory {
  readonly users: readonly DirectoryUser[];
  readonly groups: readonly GroupDeclaration[];
  readonly lookup: MemberLookup;
}

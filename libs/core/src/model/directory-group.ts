/** A group as a directory provider yields it: direct members only, nesting unresolved. */
export interface DirectoryGroup {
  /** The id Bitwarden stores as the group's external id. */
  readonly externalId: string;
  /** The provider's own id; other groups' `groupMemberReferenceIds` point at it. */
  readonly referenceId: string;
  readonly name: string;
  /** External ids of the users that are direct members. */
  readonly userMemberExternalIds: readonly string[];
  /** Reference ids of the groups that are direct members (nested groups). */
  readonly groupMemberReferenceIds: readonly string[];
}

/** A group whose members are every user reachable through nested groups, sorted and unique. */
export interface FlattenedGroup {
  readonly externalId: string;
  readonly referenceId: string;
  readonly name: string;
  readonly memberExternalIds: readonly string[];
}

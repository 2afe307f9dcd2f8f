/** A user as a directory provider yields it, before the engine normalises anything. */
export interface DirectoryUser {
  /** The id Bitwarden stores as the member's external id (objectGUID, object id, user id, ...). */
  readonly externalId: string;
  /** The provider's own id (the DN for LDAP); nested group references point at it. */
  readonly referenceId: string;
  /** As read; the engine trims and lower-cases it and drops users without a usable one. */
  readonly email: string | null;
  readonly disabled: boolean;
  readonly deleted: boolean;
}

/**
 * A user whose email has been trimmed, lower-cased and found usable. Only a deleted user may have
 * none: the server removes a deleted member by its external id (an AD tombstone keeps no `mail`).
 */
export type NormalisedUser =
  | (DirectoryUser & { readonly email: string })
  | (DirectoryUser & { readonly email: null; readonly deleted: true });

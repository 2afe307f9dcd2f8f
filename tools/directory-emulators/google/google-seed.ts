/**
 * What a Google Workspace emulator holds, in the Directory API's own terms (not the connector's):
 * customers with their domains, users and groups, and the service accounts allowed to sign in.
 */
export interface GoogleSeed {
  readonly customers: readonly GoogleSeedCustomer[];
  readonly serviceAccounts: readonly GoogleSeedServiceAccount[];
}

export interface GoogleSeedCustomer {
  /** The customer id (`C0…`); `my_customer` resolves to the customer of the admin user. */
  readonly id: string;
  /** The primary domain first; users and groups belong to the domain of their email. */
  readonly domains: readonly string[];
  readonly users: readonly GoogleSeedUser[];
  readonly groups: readonly GoogleSeedGroup[];
}

export interface GoogleSeedUser {
  readonly id: string;
  readonly primaryEmail: string;
  readonly isAdmin?: boolean;
  readonly suspended?: boolean;
  readonly archived?: boolean;
  /** A deleted user is listed only with `showDeleted=true` (and then only deleted ones are). */
  readonly deleted?: boolean;
  readonly orgUnitPath?: string;
  readonly givenName?: string;
  readonly familyName?: string;
  /** Defaults to `[{ address: primaryEmail, primary: true }]`; `[]` seeds a user with none. */
  readonly emails?: readonly { readonly address: string; readonly primary?: boolean }[];
}

export interface GoogleSeedGroup {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly members: readonly GoogleSeedMember[];
}

/**
 * A group member as `members.list` returns it: a user or group by id (email looked up), or
 * `CUSTOMER` (everyone in the customer, id = the customer id).
 */
export interface GoogleSeedMember {
  readonly type: 'USER' | 'GROUP' | 'CUSTOMER';
  readonly id: string;
  /** Users only; defaults to `ACTIVE`, or `SUSPENDED` for a suspended user. */
  readonly status?: 'ACTIVE' | 'SUSPENDED';
}

export interface GoogleSeedServiceAccount {
  readonly clientEmail: string;
  /** The public half of the key whose private half the client signs its assertion with (SPKI PEM). */
  readonly publicKeyPem: string;
  /**
   * The scopes domain-wide delegation grants (default: the three read-only Directory scopes).
   * Asking for any other scope is refused with `unauthorized_client`, as Google does.
   */
  readonly delegatedScopes?: readonly string[];
}

export const GOOGLE_READONLY_SCOPES = [
  'https://www.googleapis.com/auth/admin.directory.user.readonly',
  'https://www.googleapis.com/auth/admin.directory.group.readonly',
  'https://www.googleapis.com/auth/admin.directory.group.member.readonly',
] as const;

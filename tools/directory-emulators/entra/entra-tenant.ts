/** One user of an emulated tenant, with the Graph fields the connector reads. */
export interface EmulatedUser {
  readonly id: string;
  readonly displayName?: string;
  readonly mail?: string | null;
  readonly userPrincipalName: string;
  /** Defaults to true. */
  readonly accountEnabled?: boolean;
  /** Defaults to `Member`. Guests' UPNs look like `bob_partner.com#EXT#@tenant.onmicrosoft.com`. */
  readonly userType?: 'Member' | 'Guest';
  /** Soft-deleted before the emulator started: only `/users/delta` still reports it, as `@removed`. */
  readonly deleted?: boolean;
}

/** A group; `members` are ids of users or of other groups (nested groups). */
export interface EmulatedGroup {
  readonly id: string;
  readonly displayName: string;
  readonly members: readonly string[];
}

/** An administrative unit; `members` are ids of users or groups. */
export interface EmulatedAdministrativeUnit {
  readonly id: string;
  readonly displayName: string;
  readonly members: readonly string[];
}

/** An app registration allowed to get tokens by client credentials. */
export interface EmulatedApplication {
  readonly clientId: string;
  readonly clientSecret: string;
}

/** A whole tenant, as a JSON-able description the emulator is seeded from. */
export interface EmulatedTenant {
  /** The tenant id (or domain) the authority URL names: `<authority>/<id>`. */
  readonly id: string;
  readonly applications: readonly EmulatedApplication[];
  readonly users: readonly EmulatedUser[];
  readonly groups: readonly EmulatedGroup[];
  readonly administrativeUnits?: readonly EmulatedAdministrativeUnit[];
}

/** A big tenant for paging, throttling and benchmark runs: users spread over groups. */
export function generatedTenant(options: {
  readonly id: string;
  readonly application: EmulatedApplication;
  readonly users: number;
  readonly groups: number;
  /** Each group gets this many users (round robin); default 20. */
  readonly membersPerGroup?: number;
}): EmulatedTenant {
  const perGroup = options.membersPerGroup ?? 20;
  const users: EmulatedUser[] = Array.from({ length: options.users }, (_, index) => ({
    id: objectId('u', index),
    displayName: `User ${index}`,
    mail: `user${index}@example.test`,
    userPrincipalName: `user${index}@example.test`,
  }));
  const groups: EmulatedGroup[] = Array.from({ length: options.groups }, (_, index) => ({
    id: objectId('g', index),
    displayName: `Group ${index}`,
    members: Array.from(
      { length: Math.min(perGroup, options.users) },
      (_, slot) => users[(index * perGroup + slot) % users.length]?.id ?? '',
    ),
  }));
  return { id: options.id, applications: [options.application], users, groups };
}

/** A GUID-shaped id, stable for a prefix and an index (`u` users, `g` groups). */
export function objectId(prefix: 'u' | 'g' | 'a', index: number): string {
  const kind = { u: '1', g: '2', a: '3' }[prefix];
  return `0000000${kind}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

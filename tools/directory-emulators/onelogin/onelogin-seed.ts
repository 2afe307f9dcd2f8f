/**
 * What a OneLogin emulator holds, in OneLogin's own terms (API v2, not the connector's): the API
 * credentials allowed to get a token, the users and the roles with their members. Plain JSON, so
 * a seed can be kept in a `.json` file and read with `parseOneLoginSeed`.
 */
export interface OneLoginSeed {
  readonly clients: readonly OneLoginSeedClient[];
  readonly users: readonly OneLoginSeedUser[];
  readonly roles: readonly OneLoginSeedRole[];
}

/** An API credential pair (Administration → Developers → API Credentials). */
export interface OneLoginSeedClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface OneLoginSeedUser {
  /** OneLogin's numeric user id. */
  readonly id: number;
  readonly email?: string | null;
  readonly username?: string | null;
  readonly firstname?: string | null;
  readonly lastname?: string | null;
  /**
   * 0 unactivated, 1 active (default), 2 suspended, 3 locked, 4 password expired, 5 awaiting
   * password reset, 7 password pending, 8 security questions required.
   */
  readonly status?: number;
}

export interface OneLoginSeedRole {
  readonly id: number;
  readonly name: string;
  /** The ids of the users the role is assigned to. */
  readonly users: readonly number[];
}

/** Reads a seed from JSON text, checking its shape enough to fail early with a clear message. */
export function parseOneLoginSeed(json: string): OneLoginSeed {
  const seed = JSON.parse(json) as Partial<OneLoginSeed>;
  if (!Array.isArray(seed.clients) || !Array.isArray(seed.users) || !Array.isArray(seed.roles)) {
    throw new Error('A OneLogin seed needs the arrays clients, users and roles.');
  }
  for (const user of seed.users) {
    if (typeof user.id !== 'number') {
      throw new Error(`A OneLogin seed user needs a numeric id: ${JSON.stringify(user)}`);
    }
  }
  for (const role of seed.roles) {
    if (
      typeof role.id !== 'number' ||
      typeof role.name !== 'string' ||
      !Array.isArray(role.users)
    ) {
      throw new Error(`A OneLogin seed role needs id, name and users: ${JSON.stringify(role)}`);
    }
  }
  return seed as OneLoginSeed;
}

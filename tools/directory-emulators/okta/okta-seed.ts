/** A user as Okta's `/api/v1/users` returns it (the fields the connector reads, and a few more). */
export interface OktaSeedUser {
  readonly id: string;
  /** `ACTIVE`, `STAGED`, `PROVISIONED`, `RECOVERY`, `PASSWORD_EXPIRED`, `LOCKED_OUT`, `SUSPENDED` or `DEPROVISIONED`. */
  readonly status: string;
  /** ISO time; defaults to the emulator's start. */
  readonly created?: string;
  readonly lastUpdated?: string;
  readonly profile: {
    readonly login: string;
    readonly email: string | null;
    readonly firstName?: string;
    readonly lastName?: string;
    readonly [attribute: string]: unknown;
  };
}

export interface OktaSeedGroup {
  readonly id: string;
  /** `OKTA_GROUP` (default), `APP_GROUP` or `BUILT_IN` (Everyone). */
  readonly type?: string;
  readonly lastUpdated?: string;
  readonly profile: { readonly name: string; readonly description?: string | null };
  /** Ids of the member users. */
  readonly members: readonly string[];
}

/** What an Okta org holds, as JSON: the API tokens it accepts, its users and its groups. */
export interface OktaSeed {
  readonly tokens: readonly string[];
  readonly users: readonly OktaSeedUser[];
  readonly groups: readonly OktaSeedGroup[];
}

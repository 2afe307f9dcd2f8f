/**
 * The body of `POST /public/organization/import`, field for field and in the order the upstream
 * connector serialises it: the fingerprint hashes this JSON, so key order is part of the contract.
 */
export interface ImportRequest {
  readonly groups: readonly ImportGroup[];
  readonly members: readonly ImportMember[];
  readonly overwriteExisting: boolean;
  readonly largeImport: boolean;
  readonly inviteUsersAfterProvisioning: boolean;
}

export interface ImportGroup {
  readonly name: string;
  readonly externalId: string;
  readonly memberExternalIds: readonly string[];
}

export interface ImportMember {
  /** Null only for a deleted member, which the server matches by external id alone. */
  readonly email: string | null;
  readonly externalId: string;
  readonly deleted: boolean;
}

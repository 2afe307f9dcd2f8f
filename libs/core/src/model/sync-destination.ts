/** Where an import goes; both parts feed the fingerprint so a new server or organization re-sends. */
export interface SyncDestination {
  /** The resolved Public API base URL, e.g. `https://api.bitwarden.com`. */
  readonly apiUrl: string;
  /** The organization's id (the part of the API key's client id after `organization.`). */
  readonly organizationId: string;
}

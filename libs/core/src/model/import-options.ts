/** The sync settings that shape the import request (upstream's `SyncConfiguration` flags). */
export interface ImportOptions {
  /** Send disabled users as deleted, so Bitwarden revokes them. */
  readonly removeDisabled: boolean;
  /** Let the server remove members and groups missing from the import. */
  readonly overwriteExisting: boolean;
  /** More than 2,000 users or groups are expected: send them in batches. */
  readonly largeImport: boolean;
  /** Send invitations to new members right away rather than staging them. */
  readonly inviteUsersAfterProvisioning: boolean;
}

import type { FlattenedGroup } from '../model/directory-group';
import type { DirectoryNotice } from '../model/directory-notice';
import type { NormalisedUser } from '../model/directory-user';
import type { ImportRequest } from '../model/import-request';
import type { DroppedUser } from './dropped-user';

/**
 * What a sync should do: `send` the requests; nothing, because the import is `unchanged` since
 * the last successful sync (same fingerprint); or nothing, because the directory read is `empty`
 * and overwrite is off (upstream posts nothing then either).
 */
export type SyncOutcome = 'send' | 'unchanged' | 'empty';

export interface SyncCounts {
  /** Members in the import, deleted ones included. */
  readonly users: number;
  /** Neither disabled nor deleted in the directory. */
  readonly enabledUsers: number;
  /** Disabled in the directory and not deleted. */
  readonly disabledUsers: number;
  /** Deleted in the directory (deleted takes precedence over disabled). */
  readonly deletedUsers: number;
  /** Members sent with `deleted: true`: the deleted, plus the disabled when removeDisabled is on. */
  readonly sentAsDeleted: number;
  readonly groups: number;
  /** Group memberships after flattening, summed over all groups. */
  readonly memberships: number;
  readonly droppedUsers: number;
  /** Requests to post: 0 when the outcome is `unchanged` or `empty`. */
  readonly requests: number;
}

export interface SyncPlan {
  readonly outcome: SyncOutcome;
  /** The requests to post, in order; empty unless `outcome` is `send`. */
  readonly requests: readonly ImportRequest[];
  /**
   * The fingerprint of the import as built, to store once every request has been accepted; null
   * when the read is empty, or when there was no earlier fingerprint to compare with: the sync
   * then hashes the request bodies as it sends them (`ImportFingerprint`).
   */
  readonly fingerprint: string | null;
  /** The users in the import, normalised, de-duplicated and in canonical order. */
  readonly users: readonly NormalisedUser[];
  /** The groups in the import, flattened and in canonical order. */
  readonly groups: readonly FlattenedGroup[];
  /** Directory users left out of the import, each with the reason. */
  readonly dropped: readonly DroppedUser[];
  /** What the directory read left out of groups and why; never changes what is sent. */
  readonly notices: readonly DirectoryNotice[];
  readonly counts: SyncCounts;
}

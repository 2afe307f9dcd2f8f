import type { RemovalReason, SyncReport } from '@bwdc/core';

/**
 * What Sync now came to: the sync's report, or a guard's refusal with what the user needs to
 * decide whether to confirm (Sync now again with `force`). Any other failure rejects the call.
 */
export type SyncNowView =
  | {
      readonly kind: 'synced';
      readonly outcome: SyncReport['outcome'];
      readonly mode: SyncReport['mode'];
      readonly requestsSent: number;
      readonly counts: SyncReport['counts'];
    }
  | { readonly kind: 'guard-refused'; readonly refusal: GuardRefusalView };

interface Refusal {
  /** The Connector's message and remedy, as the CLI shows them. */
  readonly message: string;
  readonly remedy: string;
}

/** Why a guard stopped Sync now; nothing was sent. */
export type GuardRefusalView =
  | (Refusal & {
      readonly reason: 'too-many-removals';
      /** Every member the sync would remove. */
      readonly removals: readonly {
        readonly email: string;
        readonly externalId: string | null;
        readonly reason: RemovalReason;
      }[];
      readonly limit: number;
      readonly organizationMembers: number;
    })
  | (Refusal & {
      readonly reason: 'empty-read';
      /** Users the last successful sync had, where this read returned none. */
      readonly lastSyncUsers: number;
    });

import type { GuardRefusal, SyncReport } from '@bwdc/core';

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
export type GuardRefusalView = Refusal & GuardRefusal;

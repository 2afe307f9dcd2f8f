import type { DirectorySnapshot } from '../ports/directory-provider';
import type { OrganizationPlan } from '../organization/organization-plan';
import type { SyncPlan } from '../sync/sync-plan';
import type { GuardVerdict } from './plan-report';

/** What `test` found: the directory as read and the import it would make; nothing was sent. */
export interface ConnectorTestResult {
  readonly snapshot: DirectorySnapshot;
  readonly plan: SyncPlan;
}

/** What a sync did, for the run report. */
export interface SyncReport {
  /** `send`: the import was sent; `unchanged` or `empty`: nothing was sent, and why. */
  readonly outcome: SyncPlan['outcome'];
  /** Whether the directory was read whole or only what changed since the last sync. */
  readonly mode: 'full' | 'delta';
  readonly requestsSent: number;
  readonly counts: SyncPlan['counts'];
  readonly dropped: SyncPlan['dropped'];
  readonly notices: SyncPlan['notices'];
  /**
   * The organization plan (its members part: a sync does not plan the groups) and the guard's
   * measure, when the sync computed them because the import could remove members; else null.
   */
  readonly organization: OrganizationPlan | null;
  readonly guard: GuardVerdict | null;
}

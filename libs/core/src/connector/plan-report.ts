import type { OrganizationPlan } from '../organization/organization-plan';
import type { SyncPlan } from '../sync/sync-plan';

/** What the deletion guard measured for a plan or a sync. */
export interface GuardVerdict {
  /** Members the import removes, by the organization plan. */
  readonly removals: number;
  /** The most one sync may remove for this organization; null when the guard is off. */
  readonly limit: number | null;
  readonly organizationMembers: number;
  /** The removals exceed the limit. */
  readonly tooManyRemovals: boolean;
  /** A whole read returned no users where the last successful sync had this many; else null. */
  readonly emptyReadAfter: number | null;
}

/** What `plan` found: what the next sync would send, and what that would do to the organization. */
export interface PlanReport {
  /** How the next sync would read the directory. */
  readonly mode: 'full' | 'delta';
  /** Whether the next sync would send, or skip as unchanged or empty. */
  readonly outcome: SyncPlan['outcome'];
  readonly counts: SyncPlan['counts'];
  readonly dropped: SyncPlan['dropped'];
  readonly notices: SyncPlan['notices'];
  /** Nothing changes when the outcome is not `send`. */
  readonly organization: OrganizationPlan;
  readonly guard: GuardVerdict;
}

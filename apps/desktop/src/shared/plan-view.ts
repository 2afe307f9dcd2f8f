import type { GuardVerdict, RemovalReason, SyncReport } from '@bwdc/core';

/** A directory entry as the preview lists it. */
export interface PlanMemberView {
  readonly email: string;
  readonly externalId: string;
}

export interface PlanRemovalView {
  readonly email: string;
  readonly externalId: string | null;
  /** `deleted` or `disabled` in the directory, or `unlisted` (not in it, overwrite on). */
  readonly reason: RemovalReason;
}

/** A directory entry the server would ignore: its email is a member under another externalId. */
export interface PlanSkipView extends PlanMemberView {
  /** The externalId the existing member has (null: none, which cannot skip, kept for safety). */
  readonly existingExternalId: string | null;
}

export interface PlanGroupView {
  readonly externalId: string;
  readonly name: string;
  /** The name before, when the sync renames the group. */
  readonly renamedFrom: string | null;
  /** By email (the member's externalId when it has no email). */
  readonly membersAdded: readonly string[];
  readonly membersRemoved: readonly string[];
}

/**
 * "Preview changes": what the next sync would do to the organization, built in main from the
 * Connector's PlanReport. Nothing was sent.
 */
export interface PlanView {
  /** How the next sync would read the directory, and whether it would send at all. */
  readonly mode: 'full' | 'delta';
  readonly outcome: SyncReport['outcome'];
  readonly members: {
    /** `invited`, or `invited-or-staged` when inviting after provisioning is off. */
    readonly addedAs: 'invited' | 'invited-or-staged';
    readonly added: readonly PlanMemberView[];
    /** Existing members without an externalId the sync links to a directory entry by email. */
    readonly linked: readonly PlanMemberView[];
    readonly removed: readonly PlanRemovalView[];
    readonly skipped: readonly PlanSkipView[];
    readonly unchanged: number;
  };
  readonly groups: {
    readonly created: readonly PlanGroupView[];
    readonly updated: readonly PlanGroupView[];
    readonly unchanged: number;
  };
  readonly seats: { readonly members: number; readonly newlyOccupied: number };
  readonly guard: GuardVerdict;
  /** The server is expected to refuse the sync (with the members that make it). */
  readonly refusal: { readonly message: string; readonly members: readonly string[] } | null;
  /** Members overwrite would remove whose master password state the Public API does not show. */
  readonly overwriteUnknowns: readonly string[];
}

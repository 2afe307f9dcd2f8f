import type { ImportOptions } from '../model/import-options';
import type { SyncPlan } from '../sync/sync-plan';
import {
  OVERWRITE_REFUSAL_MESSAGE,
  applyImportRequest,
  type ImportContext,
  type ImportEffects,
} from './apply-import-request';
import type {
  ExistingMember,
  OrganizationPlan,
  PlannedGroupChange,
  PlannedLink,
  PlannedMember,
  PlannedRefusal,
  PlannedRemoval,
  PlannedSkip,
} from './organization-plan';
import type { OrganizationState } from './organization-state';
import { SimulatedOrganization } from './simulated-organization';

export interface PlanAgainstOrganizationInput {
  readonly plan: Pick<SyncPlan, 'requests' | 'users'>;
  readonly options: ImportOptions;
  /** As read before the sync; the groups the requests name must have their members read. */
  readonly organization: OrganizationState;
}

/**
 * What sending `plan.requests` would do to the organization: each request is one run of the
 * server's import against what the previous one left, in order, and nothing is sent after a
 * refusal (the client stops there).
 *
 * @throws Error when a group the requests name was read without its members.
 */
export function planAgainstOrganization(input: PlanAgainstOrganizationInput): OrganizationPlan {
  const organization = new SimulatedOrganization(input.organization);
  const collected = new CollectedEffects();
  const context = importContext(input);
  let refusal: PlannedRefusal | null = null;
  for (const request of input.plan.requests) {
    const result = applyImportRequest(organization, request, context, collected);
    if (result.refused) {
      refusal = {
        code: 'OVERWRITE_MEMBERS_WITHOUT_MASTER_PASSWORD',
        message: OVERWRITE_REFUSAL_MESSAGE,
        members: result.members,
      };
      break;
    }
  }
  return collected.toPlan(input.organization, addedAs(input.options), refusal);
}

/** The plan of a sync that sends nothing: the organization stays as it is. */
export function emptyOrganizationPlan(organization: OrganizationState): OrganizationPlan {
  return new CollectedEffects().toPlan(organization, 'invited', null);
}

function addedAs(options: ImportOptions): OrganizationPlan['members']['addedAs'] {
  // With inviting off, the server stages only when its feature flag is on, which no API shows.
  return options.inviteUsersAfterProvisioning ? 'invited' : 'invited-or-staged';
}

function importContext(input: PlanAgainstOrganizationInput): ImportContext {
  const deletedInDirectory = new Set<string>();
  for (const user of input.plan.users) {
    if (user.deleted) {
      deletedInDirectory.add(user.externalId);
    }
  }
  return {
    // Sent as deleted without being deleted in the directory: disabled with removeDisabled on.
    removalReason: (externalId) => (deletedInDirectory.has(externalId) ? 'deleted' : 'disabled'),
    // Invited and staged members both lack a master password, the one thing a later step of the
    // simulation asks about them, so staging when unsure changes no outcome.
    addedStatus: input.options.inviteUsersAfterProvisioning ? 'invited' : 'staged',
  };
}

class CollectedEffects implements ImportEffects {
  private readonly removals: PlannedRemoval[] = [];
  private readonly unknowns = new Map<string, ExistingMember>();
  private readonly links: PlannedLink[] = [];
  private readonly additions: PlannedMember[] = [];
  private readonly skips: PlannedSkip[] = [];
  private unchangedMembers = 0;
  private readonly groupsCreated: PlannedGroupChange[] = [];
  private readonly groupsUpdated: PlannedGroupChange[] = [];
  private unchangedGroups = 0;

  removed(member: ExistingMember, reason: PlannedRemoval['reason']): void {
    this.removals.push({ ...member, reason });
  }
  overwriteUnknown(member: ExistingMember): void {
    this.unknowns.set(member.memberId, member);
  }
  linked(member: ExistingMember, externalId: string): void {
    this.links.push({ ...member, linkedExternalId: externalId });
  }
  added(entry: PlannedMember): void {
    this.additions.push(entry);
  }
  skipped(entry: PlannedMember, existing: ExistingMember): void {
    this.skips.push({ ...entry, existing });
  }
  unchanged(): void {
    this.unchangedMembers += 1;
  }
  groupCreated(change: PlannedGroupChange): void {
    this.groupsCreated.push(change);
  }
  groupUpdated(change: PlannedGroupChange): void {
    this.groupsUpdated.push(change);
  }
  groupUnchanged(): void {
    this.unchangedGroups += 1;
  }

  toPlan(
    organization: OrganizationState,
    addedAs: OrganizationPlan['members']['addedAs'],
    refusal: PlannedRefusal | null,
  ): OrganizationPlan {
    return {
      members: {
        added: this.additions,
        addedAs,
        linked: this.links,
        removed: this.removals,
        skipped: this.skips,
        unchanged: this.unchangedMembers,
      },
      groups: {
        created: this.groupsCreated,
        updated: this.groupsUpdated,
        unchanged: this.unchangedGroups,
      },
      seats: {
        members: organization.members.length,
        // Staged members take no seat, but whether the server stages (feature flag) is not
        // visible, so with 'invited-or-staged' this is the most the import can take: admins
        // checking seats need the upper bound, not a guess that may fall short.
        newlyOccupied: this.additions.length,
      },
      overwriteUnknowns: [...this.unknowns.values()],
      refusal,
    };
  }
}

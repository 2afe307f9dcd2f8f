import type { MemberStatus } from '../bitwarden/organization-model';
import type { ExistingMember, PlannedGroupMember, PlannedMember } from './organization-plan';
import type { OrganizationState } from './organization-state';

/** A member as the simulation holds it; only the external id ever changes (by linking). */
export interface SimulatedMember extends Omit<ExistingMember, 'externalId'> {
  externalId: string | null;
}

export interface SimulatedGroup {
  /** Null for a group the simulated import created. */
  readonly groupId: string | null;
  name: string;
  readonly externalId: string;
  /** Null when the group's members were not read. */
  memberIds: Set<string> | null;
}

/**
 * The organization while the planned import is applied to it, request after request: what the
 * server's tables would hold. Lookups are maps so that 100,000 members stay cheap.
 */
export class SimulatedOrganization {
  private readonly members = new Map<string, SimulatedMember>();
  private readonly memberIdByEmail = new Map<string, string>();
  private readonly groups = new Map<string, SimulatedGroup>();
  private added = 0;

  constructor(state: OrganizationState) {
    for (const member of state.members) {
      this.insert({
        memberId: member.id,
        email: member.email,
        externalId: isBlank(member.externalId) ? null : member.externalId,
        type: member.type,
        status: member.status,
      });
    }
    for (const group of state.groups) {
      // The import matches groups by external id only; the others it never touches.
      if (!isBlank(group.externalId)) {
        this.groups.set(group.externalId, {
          groupId: group.id,
          name: group.name,
          externalId: group.externalId,
          memberIds: group.memberIds === null ? null : new Set(group.memberIds),
        });
      }
    }
  }

  /** Every member, in the order the organization listed them. */
  allMembers(): IterableIterator<SimulatedMember> {
    return this.members.values();
  }

  member(memberId: string): SimulatedMember | undefined {
    return this.members.get(memberId);
  }

  /** The member using this email, compared case-insensitively (the server's "already known"). */
  memberWithEmail(email: string): SimulatedMember | undefined {
    const id = this.memberIdByEmail.get(email.toLowerCase());
    return id === undefined ? undefined : this.members.get(id);
  }

  remove(memberId: string): void {
    const member = this.members.get(memberId);
    if (member !== undefined) {
      this.members.delete(memberId);
      this.memberIdByEmail.delete(member.email.toLowerCase());
    }
  }

  link(memberId: string, externalId: string): void {
    const member = this.members.get(memberId);
    if (member !== undefined) {
      member.externalId = externalId;
    }
  }

  /** A new membership, under an id no real member has. */
  add(entry: PlannedMember, status: MemberStatus): SimulatedMember {
    this.added += 1;
    const member: SimulatedMember = {
      memberId: `planned:${this.added}`,
      email: entry.email,
      externalId: entry.externalId,
      type: 'user',
      status,
    };
    this.insert(member);
    return member;
  }

  group(externalId: string): SimulatedGroup | undefined {
    return this.groups.get(externalId);
  }

  addGroup(group: SimulatedGroup): void {
    this.groups.set(group.externalId, group);
  }

  private insert(member: SimulatedMember): void {
    this.members.set(member.memberId, member);
    this.memberIdByEmail.set(member.email.toLowerCase(), member.memberId);
  }
}

export function isBlank(value: string | null | undefined): value is null | undefined | '' {
  return value === null || value === undefined || value.trim() === '';
}

/** A frozen copy, so later simulated changes do not show through in the plan. */
export function existingMember(member: SimulatedMember): ExistingMember {
  return {
    memberId: member.memberId,
    email: member.email,
    externalId: member.externalId,
    type: member.type,
    status: member.status,
  };
}

export function groupMember(member: SimulatedMember): PlannedGroupMember {
  return { externalId: member.externalId, email: member.email };
}

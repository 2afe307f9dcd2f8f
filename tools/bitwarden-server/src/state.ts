import { randomUUID } from 'node:crypto';

import type {
  MemberStatus,
  MemberType,
  Seed,
  SeedGroup,
  SeedMember,
  SeedOrganization,
} from './seed';
import { isBlank } from './validation';

/** Event types the import flow logs (Bitwarden `EventType`). */
export const EventType = {
  GroupCreated: 1400,
  GroupUpdated: 1401,
  MemberInvited: 1500,
  MemberRemoved: 1503,
  MemberStaged: 1523,
} as const;

export interface OrganizationEvent {
  type: number;
  memberEmail?: string;
  groupExternalId?: string;
}

export interface Member {
  readonly id: string;
  /** Lower-case, like the invite email the server stores. */
  email: string;
  externalId: string | null;
  type: MemberType;
  status: MemberStatus;
  hasMasterPassword: boolean;
}

export interface Group {
  readonly id: string;
  name: string;
  externalId: string | null;
  memberIds: Set<string>;
}

export interface Organization {
  readonly id: string;
  readonly apiKey: string;
  seats: number | null;
  readonly maxAutoscaleSeats: number | null;
  readonly selfHosted: boolean;
  readonly useGroups: boolean;
  readonly useDirectory: boolean;
  readonly stagedUsers: boolean;
  readonly enabled: boolean;
  readonly useApi: boolean;
  /**
   * Insertion order is kept so that list endpoints answer in a stable order. Only
   * `import-command.ts` may add or remove members or change an externalId after seeding: it keeps
   * an externalId index of this table between imports.
   */
  readonly members: Map<string, Member>;
  readonly groups: Map<string, Group>;
  readonly events: OrganizationEvent[];
  readonly invitations: string[];
}

export interface SnapshotMember extends SeedMember {
  id: string;
  externalId: string | null;
  hasMasterPassword: boolean;
}

export interface SnapshotGroup extends SeedGroup {
  id: string;
  externalId: string | null;
}

export interface OrganizationSnapshot extends Omit<SeedOrganization, 'members' | 'groups'> {
  seats: number | null;
  maxAutoscaleSeats: number | null;
  selfHosted: boolean;
  useGroups: boolean;
  useDirectory: boolean;
  stagedUsers: boolean;
  enabled: boolean;
  useApi: boolean;
  members: SnapshotMember[];
  groups: SnapshotGroup[];
  events: OrganizationEvent[];
  /** Emails an invitation was sent to, in order. */
  invitations: string[];
}

export const MEMBER_TYPE_CODES: Record<MemberType, number> = {
  owner: 0,
  admin: 1,
  user: 2,
  custom: 4,
};

export const MEMBER_STATUS_CODES: Record<MemberStatus, number> = {
  revoked: -1,
  invited: 0,
  accepted: 1,
  confirmed: 2,
  staged: 3,
};

function blankToNull(value: string | null | undefined): string | null {
  return isBlank(value) ? null : (value ?? null);
}

function createOrganization(seed: SeedOrganization): Organization {
  const members = new Map<string, Member>();
  const idByEmail = new Map<string, string>();
  for (const seedMember of seed.members) {
    const email = seedMember.email.toLowerCase();
    const hasAccount = seedMember.status !== 'invited' && seedMember.status !== 'staged';
    const member: Member = {
      id: randomUUID(),
      email,
      externalId: blankToNull(seedMember.externalId),
      type: seedMember.type,
      status: seedMember.status,
      hasMasterPassword: hasAccount && (seedMember.hasMasterPassword ?? true),
    };
    members.set(member.id, member);
    idByEmail.set(email, member.id);
  }
  const groups = new Map<string, Group>();
  for (const seedGroup of seed.groups) {
    const memberIds = new Set<string>();
    for (const email of seedGroup.members) {
      const id = idByEmail.get(email.toLowerCase());
      if (id !== undefined) {
        memberIds.add(id);
      }
    }
    const group: Group = {
      id: randomUUID(),
      name: seedGroup.name,
      externalId: blankToNull(seedGroup.externalId),
      memberIds,
    };
    groups.set(group.id, group);
  }
  return {
    id: seed.id.toLowerCase(),
    apiKey: seed.apiKey,
    seats: seed.seats ?? null,
    maxAutoscaleSeats: seed.maxAutoscaleSeats ?? null,
    selfHosted: seed.selfHosted ?? false,
    useGroups: seed.useGroups ?? true,
    useDirectory: seed.useDirectory ?? true,
    stagedUsers: seed.stagedUsers ?? false,
    enabled: seed.enabled ?? true,
    useApi: seed.useApi ?? true,
    members,
    groups,
    events: [],
    invitations: [],
  };
}

/** Every organization of the server, keyed by lower-case GUID. */
export class ServerState {
  private readonly organizations = new Map<string, Organization>();

  constructor(seed: Seed) {
    for (const organization of seed.organizations) {
      const state = createOrganization(organization);
      this.organizations.set(state.id, state);
    }
  }

  find(id: string): Organization | undefined {
    return this.organizations.get(id.toLowerCase());
  }
}

/** The emails of a group's members that are still in the table, in group order. */
function memberEmails(
  memberIds: ReadonlySet<string>,
  emailById: ReadonlyMap<string, string>,
): string[] {
  const emails: string[] = [];
  for (const id of memberIds) {
    const email = emailById.get(id);
    if (email !== undefined) {
      emails.push(email);
    }
  }
  return emails;
}

export function snapshotOrganization(organization: Organization): OrganizationSnapshot {
  const emailById = new Map<string, string>();
  for (const member of organization.members.values()) {
    emailById.set(member.id, member.email);
  }
  return {
    id: organization.id,
    apiKey: organization.apiKey,
    seats: organization.seats,
    maxAutoscaleSeats: organization.maxAutoscaleSeats,
    selfHosted: organization.selfHosted,
    useGroups: organization.useGroups,
    useDirectory: organization.useDirectory,
    stagedUsers: organization.stagedUsers,
    enabled: organization.enabled,
    useApi: organization.useApi,
    members: [...organization.members.values()].map((member) => ({
      id: member.id,
      email: member.email,
      externalId: member.externalId,
      type: member.type,
      status: member.status,
      hasMasterPassword: member.hasMasterPassword,
    })),
    groups: [...organization.groups.values()].map((group) => ({
      id: group.id,
      name: group.name,
      externalId: group.externalId,
      members: memberEmails(group.memberIds, emailById),
    })),
    events: organization.events.map((event) => ({ ...event })),
    invitations: [...organization.invitations],
  };
}

/**
 * `POST /public/organization/import` after binding: the controller's pre-checks and
 * `ImportOrganizationUsersAndGroupsCommand.ImportAsync`. Every step commits before the next one
 * starts, exactly like the real server, so a failure part-way leaves earlier steps applied.
 */
import { randomUUID } from 'node:crypto';

import { ApiError } from './public-error';
import type { MemberStatus } from './seed';
import { EventType, type Member, type Organization } from './state';
import type { ImportGroupModel, ImportMemberModel, ImportRequestModel } from './validation';

export const MAX_IMPORT_SIZE = 2000;

export const ImportMessages = {
  tooMuchData: 'You cannot import this much data at once.',
  noDirectory: 'Organization cannot use directory syncing.',
  noGroups: 'Organization cannot use groups.',
  overwriteGuard:
    "Sync failed. To proceed, disable the 'Remove and re-add users during next sync' setting and try again.",
  seatLimit: 'Seat limit has been reached.',
  selfHostedAutoscale: 'Cannot autoscale on self-hosted instance.',
  noConfirmedOwner: 'Organization must have at least one confirmed owner.',
} as const;

interface ImportMember {
  email: string;
  externalId: string;
}

interface ImportGroup {
  name: string;
  externalId: string;
  memberExternalIds: (string | null)[];
}

interface LoadedMember {
  id: string;
  email: string;
  externalId: string | null;
  type: Member['type'];
  hasMasterPassword: boolean;
}

const isBlank = (value: string | null | undefined): boolean =>
  value === null || value === undefined || value.trim() === '';

/** The controller dereferences these collections, so nulls surface as a NullReferenceException. */
function requireCollections(request: ImportRequestModel): {
  members: ImportMemberModel[];
  groups: ImportGroupModel[];
} {
  const { members, groups } = request;
  if (members === null || groups === null || members.includes(null) || groups.includes(null)) {
    throw ApiError.unhandled();
  }
  const nonNullGroups = groups as ImportGroupModel[];
  if (nonNullGroups.some((group) => group.memberExternalIds === null)) {
    throw ApiError.unhandled();
  }
  return { members: members as ImportMemberModel[], groups: nonNullGroups };
}

function removeMember(organization: Organization, member: Member): void {
  organization.members.delete(member.id);
  for (const group of organization.groups.values()) {
    group.memberIds.delete(member.id);
  }
  organization.events.push({ type: EventType.MemberRemoved, memberEmail: member.email });
}

function addMember(
  organization: Organization,
  entry: ImportMember,
  status: MemberStatus,
  idMap: Map<string, string>,
): Member {
  const member: Member = {
    id: randomUUID(),
    email: entry.email,
    externalId: entry.externalId,
    type: 'user',
    status,
    hasMasterPassword: false,
  };
  organization.members.set(member.id, member);
  if (!idMap.has(entry.externalId)) {
    idMap.set(entry.externalId, member.id);
  }
  return member;
}

function hasConfirmedOwner(organization: Organization): boolean {
  return [...organization.members.values()].some(
    (member) => member.type === 'owner' && member.status === 'confirmed',
  );
}

/** `CreateStagedOrganizationUsersCommand`: no seats, no owner check, no email. */
function stageMembers(
  organization: Organization,
  entries: ImportMember[],
  idMap: Map<string, string>,
): void {
  const known = new Set([...organization.members.values()].map((member) => member.email));
  for (const entry of entries) {
    if (known.has(entry.email)) {
      continue;
    }
    known.add(entry.email);
    addMember(organization, entry, 'staged', idMap);
    organization.events.push({ type: EventType.MemberStaged, memberEmail: entry.email });
  }
}

/** `OrganizationService.InviteUsersAsync` / `SaveUsersSendInvitesAsync` for type-User invites. */
function inviteMembers(
  organization: Organization,
  entries: ImportMember[],
  idMap: Map<string, string>,
): void {
  // Every invite is of type User, so the owner rule applies as soon as anything is invited.
  if (!hasConfirmedOwner(organization)) {
    throw ApiError.badRequest(ImportMessages.noConfirmedOwner);
  }
  const known = new Set([...organization.members.values()].map((member) => member.email));
  const invites = entries.filter((entry) => {
    if (known.has(entry.email)) {
      return false;
    }
    known.add(entry.email);
    return true;
  });
  if (organization.seats !== null) {
    const occupied = [...organization.members.values()].filter(
      (member) =>
        member.status === 'invited' ||
        member.status === 'accepted' ||
        member.status === 'confirmed',
    ).length;
    const needed = invites.length - (organization.seats - occupied);
    if (needed > 0) {
      if (organization.selfHosted) {
        throw ApiError.badRequest(ImportMessages.selfHostedAutoscale);
      }
      if (
        organization.maxAutoscaleSeats !== null &&
        organization.seats + needed > organization.maxAutoscaleSeats
      ) {
        throw ApiError.badRequest(ImportMessages.seatLimit);
      }
      organization.seats += needed;
    }
  }
  for (const entry of invites) {
    addMember(organization, entry, 'invited', idMap);
    organization.events.push({ type: EventType.MemberInvited, memberEmail: entry.email });
    organization.invitations.push(entry.email);
  }
}

function sameSet(left: ReadonlySet<string>, right: ReadonlySet<string>): boolean {
  return left.size === right.size && [...left].every((item) => right.has(item));
}

function importGroups(
  organization: Organization,
  groups: ImportGroup[],
  idMap: ReadonlyMap<string, string>,
): void {
  if (!organization.useGroups) {
    throw ApiError.badRequest(ImportMessages.noGroups);
  }
  const existing = new Map<string, string>();
  for (const group of organization.groups.values()) {
    if (!isBlank(group.externalId)) {
      const externalId = group.externalId ?? '';
      if (existing.has(externalId)) {
        throw ApiError.unhandled();
      }
      existing.set(externalId, group.id);
    }
  }
  const requested = new Set<string>();
  for (const group of groups) {
    if (requested.has(group.externalId)) {
      throw ApiError.unhandled();
    }
    requested.add(group.externalId);
  }
  // Group membership inserts join against the real table, so ids of removed members drop out.
  const membersOf = (group: ImportGroup): Set<string> =>
    new Set(
      group.memberExternalIds.flatMap((externalId) => {
        const id = externalId === null ? undefined : idMap.get(externalId);
        return id !== undefined && organization.members.has(id) ? [id] : [];
      }),
    );
  for (const group of groups.filter((candidate) => !existing.has(candidate.externalId))) {
    const id = randomUUID();
    organization.groups.set(id, {
      id,
      name: group.name,
      externalId: group.externalId,
      memberIds: membersOf(group),
    });
    organization.events.push({ type: EventType.GroupCreated, groupExternalId: group.externalId });
  }
  for (const group of groups) {
    const id = existing.get(group.externalId);
    const current = id === undefined ? undefined : organization.groups.get(id);
    if (current === undefined) {
      continue;
    }
    if (current.name !== group.name) {
      current.name = group.name;
    }
    const memberIds = membersOf(group);
    if (!sameSet(current.memberIds, memberIds)) {
      current.memberIds = memberIds;
    }
    organization.events.push({ type: EventType.GroupUpdated, groupExternalId: group.externalId });
  }
}

export function runImport(
  organization: Organization | undefined,
  request: ImportRequestModel,
): void {
  const { members, groups } = requireCollections(request);
  const selfHosted = organization?.selfHosted ?? false;
  if (
    !selfHosted &&
    !request.largeImport &&
    (groups.length > MAX_IMPORT_SIZE ||
      members.filter((member) => !member.deleted).length > MAX_IMPORT_SIZE)
  ) {
    throw ApiError.badRequest(ImportMessages.tooMuchData);
  }
  if (organization === undefined) {
    throw ApiError.notFound();
  }
  if (!organization.useDirectory) {
    throw ApiError.badRequest(ImportMessages.noDirectory);
  }

  // Validation guarantees these are present for the entries that use them.
  const active: ImportMember[] = members
    .filter((member) => !member.deleted)
    .map((member) => ({
      email: (member.email ?? '').toLowerCase(),
      externalId: member.externalId ?? '',
    }));
  const deletedIds = new Set(
    members.filter((member) => member.deleted).map((member) => member.externalId ?? ''),
  );
  const importedIds = new Set(active.map((member) => member.externalId));
  const importGroupsList: ImportGroup[] = groups.map((group) => ({
    name: group.name ?? '',
    externalId: group.externalId ?? '',
    memberExternalIds: group.memberExternalIds ?? [],
  }));

  // Loaded once, like the real command: later steps see this list, not the table.
  const loaded: LoadedMember[] = [...organization.members.values()].map((member) => ({
    id: member.id,
    email: member.email,
    externalId: member.externalId,
    type: member.type,
    hasMasterPassword: member.hasMasterPassword,
  }));
  const loadedExternal = loaded.filter((member) => !isBlank(member.externalId));
  const idMap = new Map<string, string>();
  for (const member of loadedExternal) {
    const externalId = member.externalId ?? '';
    if (idMap.has(externalId)) {
      throw ApiError.unhandled();
    }
    idMap.set(externalId, member.id);
  }
  const removeIfPresent = (id: string): void => {
    const member = organization.members.get(id);
    if (member !== undefined) {
      removeMember(organization, member);
    }
  };

  // Step 1: offboarding by externalId. The id map keeps these entries on purpose.
  for (const member of loadedExternal) {
    const externalId = member.externalId ?? '';
    if (
      deletedIds.has(externalId) &&
      !importedIds.has(externalId) &&
      idMap.has(externalId) &&
      member.type !== 'owner'
    ) {
      removeIfPresent(member.id);
    }
  }

  // Step 2: "Remove and re-add". Candidates come from the list loaded before step 1.
  if (request.overwriteExisting === true) {
    const candidates = loadedExternal.filter(
      (member) =>
        member.type !== 'owner' &&
        !importedIds.has(member.externalId ?? '') &&
        idMap.has(member.externalId ?? ''),
    );
    if (candidates.some((member) => !member.hasMasterPassword)) {
      throw ApiError.badRequest(ImportMessages.overwriteGuard);
    }
    for (const member of candidates) {
      removeIfPresent(member.id);
      idMap.delete(member.externalId ?? '');
    }
  }

  // Step 3: link members without an externalId by email.
  const importByEmail = new Map<string, ImportMember>();
  for (const entry of active) {
    if (importByEmail.has(entry.email)) {
      throw ApiError.unhandled();
    }
    importByEmail.set(entry.email, entry);
  }
  const links: { member: Member; externalId: string }[] = [];
  const linkedIds = new Set<string>();
  for (const loadedMember of loaded.filter((member) => isBlank(member.externalId))) {
    const entry = importByEmail.get(loadedMember.email);
    const member = organization.members.get(loadedMember.id);
    if (entry === undefined || member === undefined) {
      continue;
    }
    if (idMap.has(entry.externalId) || linkedIds.has(entry.externalId)) {
      throw ApiError.unhandled();
    }
    linkedIds.add(entry.externalId);
    links.push({ member, externalId: entry.externalId });
  }
  for (const { member, externalId } of links) {
    member.externalId = externalId;
    idMap.set(externalId, member.id);
  }

  // Step 4: new members, staged or invited.
  const newEntries = active.filter(
    (entry) => !idMap.has(entry.externalId) && !isBlank(entry.email),
  );
  if (newEntries.length > 0) {
    if (!request.inviteUsersAfterProvisioning && organization.stagedUsers) {
      stageMembers(organization, newEntries, idMap);
    } else {
      inviteMembers(organization, newEntries, idMap);
    }
  }

  // Step 5: groups.
  if (importGroupsList.length > 0) {
    importGroups(organization, importGroupsList, idMap);
  }
}

/**
 * `POST /public/organization/import` after binding: the controller's pre-checks and
 * `ImportOrganizationUsersAndGroupsCommand.ImportAsync`. Every step commits before the next one
 * starts, exactly like the real server, so a failure part-way leaves earlier steps applied.
 */

import { newId } from './ids';
import { ApiError } from './public-error';
import type { MemberStatus } from './seed';
import { EventType, type Member, type Organization } from './state';
import {
  isBlank,
  type ImportGroupModel,
  type ImportMemberModel,
  type ImportRequestModel,
} from './validation';

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

/**
 * The members table indexed by externalId, kept between imports so that a large organization is
 * not rescanned on every request. Only this module changes members or their externalIds, and every
 * change is applied here once the import ends (see `ImportIds.commit`). A table that holds an
 * externalId twice is never indexed: each import rescans it and fails, as the real command does.
 */
interface MemberIndex {
  /** Every non-blank externalId in the table, with its member. */
  readonly byExternalId: Map<string, Member>;
  /** Members without an externalId, in table order. */
  readonly withoutExternalId: Map<string, Member>;
  /** How many members have each email. */
  readonly emailCounts: Map<string, number>;
  /** Members whose status takes a seat (the server's occupied seat count). */
  occupiedSeats: number;
}

/** `GetOccupiedSeatCountByOrganizationIdAsync`: invited, accepted and confirmed users. */
function occupiesSeat(member: Member): boolean {
  return (
    member.status === 'invited' || member.status === 'accepted' || member.status === 'confirmed'
  );
}

function addCount(counts: Map<string, number>, key: string, change: number): void {
  const count = (counts.get(key) ?? 0) + change;
  if (count === 0) {
    counts.delete(key);
  } else {
    counts.set(key, count);
  }
}

const memberIndexes = new WeakMap<Organization, MemberIndex>();

/** Scans the table; undefined when an externalId is used twice. */
function buildMemberIndex(organization: Organization): MemberIndex | undefined {
  const byExternalId = new Map<string, Member>();
  const withoutExternalId = new Map<string, Member>();
  const emailCounts = new Map<string, number>();
  let occupiedSeats = 0;
  for (const member of organization.members.values()) {
    addCount(emailCounts, member.email, 1);
    if (occupiesSeat(member)) {
      occupiedSeats++;
    }
    if (isBlank(member.externalId)) {
      withoutExternalId.set(member.id, member);
      continue;
    }
    const externalId = member.externalId ?? '';
    if (byExternalId.has(externalId)) {
      return undefined;
    }
    byExternalId.set(externalId, member);
  }
  return { byExternalId, withoutExternalId, emailCounts, occupiedSeats };
}

type MemberChange = { kind: 'removed' | 'added' | 'linked'; member: Member };

/**
 * The command's externalId → member map, loaded once from the table: a copy-on-write view over
 * the index (which stays as loaded while the import runs), plus the journal of table changes that
 * `commit` applies to the index afterwards. Emails and occupied seats are counted from the index
 * and the journal, so that no request rescans the table.
 */
class ImportIds {
  private readonly overrides = new Map<string, Member | undefined>();
  private readonly changes: MemberChange[] = [];
  /** Ids of the members this import took out of the table; the map may still name them. */
  private readonly removedIds = new Set<string>();
  /** This import's changes to the index's email counts and occupied seats. */
  private readonly emailChanges = new Map<string, number>();
  private seatChange = 0;

  constructor(
    private readonly organization: Organization,
    private readonly index: MemberIndex,
  ) {}

  /** The member the map names, which may have left the table since (see `inTable`). */
  get(externalId: string): Member | undefined {
    if (this.overrides.size !== 0 && this.overrides.has(externalId)) {
      return this.overrides.get(externalId);
    }
    return this.index.byExternalId.get(externalId);
  }

  has(externalId: string): boolean {
    return this.get(externalId) !== undefined;
  }

  set(externalId: string, member: Member): void {
    this.overrides.set(externalId, member);
  }

  /**
   * Whether a member the map names is still in the table. Only this import has removed anything
   * since the index was last in line with the table, so its own removals are all there is to check.
   */
  inTable(member: Member): boolean {
    return this.removedIds.size === 0 || !this.removedIds.has(member.id);
  }

  delete(externalId: string): void {
    this.overrides.set(externalId, undefined);
  }

  /** Whether a member of the table has this email. */
  hasEmail(email: string): boolean {
    return (this.index.emailCounts.get(email) ?? 0) + (this.emailChanges.get(email) ?? 0) > 0;
  }

  occupiedSeats(): number {
    return this.index.occupiedSeats + this.seatChange;
  }

  record(kind: MemberChange['kind'], member: Member): void {
    this.changes.push({ kind, member });
    if (kind === 'linked') {
      return;
    }
    const change = kind === 'removed' ? -1 : 1;
    if (kind === 'removed') {
      this.removedIds.add(member.id);
    }
    addCount(this.emailChanges, member.email, change);
    if (occupiesSeat(member)) {
      this.seatChange += change;
    }
  }

  /** Brings the index in line with the table, or drops it when the table now has duplicates. */
  commit(): void {
    const { byExternalId, withoutExternalId, emailCounts } = this.index;
    for (const [email, change] of this.emailChanges) {
      addCount(emailCounts, email, change);
    }
    this.index.occupiedSeats += this.seatChange;
    for (const { kind, member } of this.changes) {
      const externalId = member.externalId;
      if (kind === 'removed') {
        if (isBlank(externalId)) {
          withoutExternalId.delete(member.id);
        } else if (byExternalId.get(externalId ?? '') === member) {
          byExternalId.delete(externalId ?? '');
        }
        continue;
      }
      if (kind === 'linked') {
        withoutExternalId.delete(member.id);
      }
      if (isBlank(externalId)) {
        withoutExternalId.set(member.id, member);
      } else if (byExternalId.has(externalId ?? '')) {
        memberIndexes.delete(this.organization);
        return;
      } else {
        byExternalId.set(externalId ?? '', member);
      }
    }
  }
}

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

/** Removes members from the table; `dropFromGroups` must follow before anything else happens. */
function removeMember(
  organization: Organization,
  member: Member,
  ids: ImportIds,
  removed: Set<string>,
): void {
  organization.members.delete(member.id);
  ids.record('removed', member);
  removed.add(member.id);
  organization.events.push({ type: EventType.MemberRemoved, memberEmail: member.email });
}

/** Takes removed members out of every group, walking whichever of the two sets is smaller. */
function dropFromGroups(organization: Organization, removed: ReadonlySet<string>): void {
  if (removed.size === 0) {
    return;
  }
  for (const group of organization.groups.values()) {
    const memberIds = group.memberIds;
    if (memberIds.size <= removed.size) {
      for (const id of memberIds) {
        if (removed.has(id)) {
          memberIds.delete(id);
        }
      }
    } else {
      for (const id of removed) {
        memberIds.delete(id);
      }
    }
  }
}

function addMember(
  organization: Organization,
  entry: ImportMember,
  status: MemberStatus,
  idMap: ImportIds,
): Member {
  const member: Member = {
    id: newId(),
    email: entry.email,
    externalId: entry.externalId,
    type: 'user',
    status,
    hasMasterPassword: false,
  };
  organization.members.set(member.id, member);
  idMap.record('added', member);
  if (!idMap.has(entry.externalId)) {
    idMap.set(entry.externalId, member);
  }
  return member;
}

function hasConfirmedOwner(organization: Organization): boolean {
  for (const member of organization.members.values()) {
    if (member.type === 'owner' && member.status === 'confirmed') {
      return true;
    }
  }
  return false;
}

/** The emails of `entries` that already belong to a member. */
function knownEmails(entries: ImportMember[], idMap: ImportIds): Set<string> {
  const known = new Set<string>();
  for (const entry of entries) {
    if (idMap.hasEmail(entry.email)) {
      known.add(entry.email);
    }
  }
  return known;
}

/** `CreateStagedOrganizationUsersCommand`: no seats, no owner check, no email. */
function stageMembers(organization: Organization, entries: ImportMember[], idMap: ImportIds): void {
  const known = knownEmails(entries, idMap);
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
  idMap: ImportIds,
): void {
  // Every invite is of type User, so the owner rule applies as soon as anything is invited.
  if (!hasConfirmedOwner(organization)) {
    throw ApiError.badRequest(ImportMessages.noConfirmedOwner);
  }
  const known = knownEmails(entries, idMap);
  const invites = entries.filter((entry) => {
    if (known.has(entry.email)) {
      return false;
    }
    known.add(entry.email);
    return true;
  });
  if (organization.seats !== null) {
    const needed = invites.length - (organization.seats - idMap.occupiedSeats());
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
  if (left.size !== right.size) {
    return false;
  }
  for (const item of left) {
    if (!right.has(item)) {
      return false;
    }
  }
  return true;
}

function importGroups(organization: Organization, groups: ImportGroup[], idMap: ImportIds): void {
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
  const membersOf = (group: ImportGroup): Set<string> => {
    const memberIds = new Set<string>();
    for (const externalId of group.memberExternalIds) {
      const member = externalId === null ? undefined : idMap.get(externalId);
      if (member !== undefined && idMap.inTable(member)) {
        memberIds.add(member.id);
      }
    }
    return memberIds;
  };
  for (const group of groups) {
    if (existing.has(group.externalId)) {
      continue;
    }
    const id = newId();
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

  let index = memberIndexes.get(organization);
  if (index === undefined) {
    index = buildMemberIndex(organization);
    if (index === undefined) {
      throw ApiError.unhandled();
    }
    memberIndexes.set(organization, index);
  }
  const idMap = new ImportIds(organization, index);
  try {
    applyImport(organization, request, idMap, index.withoutExternalId, {
      active,
      deletedIds,
      importedIds,
      groups: importGroupsList,
    });
  } finally {
    idMap.commit();
  }
}

function applyImport(
  organization: Organization,
  request: ImportRequestModel,
  idMap: ImportIds,
  withoutExternalId: ReadonlyMap<string, Member>,
  entries: {
    active: ImportMember[];
    deletedIds: ReadonlySet<string>;
    importedIds: ReadonlySet<string>;
    groups: ImportGroup[];
  },
): void {
  const { active, deletedIds, importedIds } = entries;
  // Loaded once, like the real command: later steps see these lists, not the table. The fields
  // read from them (id, email, type, hasMasterPassword and, before step 3 links, externalId) do
  // not change while the import runs, so the lists hold the members themselves, not copies.
  // Members with an externalId are only needed by steps 1 and 2.
  const loadedWithoutExternalId: LoadedMember[] = [...withoutExternalId.values()];
  const loadedExternal: LoadedMember[] = [];
  if (deletedIds.size > 0 || request.overwriteExisting === true) {
    for (const member of organization.members.values()) {
      if (!isBlank(member.externalId)) {
        loadedExternal.push(member);
      }
    }
  }
  const removed = new Set<string>();
  const removeIfPresent = (id: string): void => {
    const member = organization.members.get(id);
    if (member !== undefined) {
      removeMember(organization, member, idMap, removed);
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
  dropFromGroups(organization, removed);
  removed.clear();

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
    dropFromGroups(organization, removed);
    removed.clear();
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
  for (const loadedMember of loadedWithoutExternalId) {
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
    idMap.record('linked', member);
    idMap.set(externalId, member);
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
  if (entries.groups.length > 0) {
    importGroups(organization, entries.groups, idMap);
  }
}

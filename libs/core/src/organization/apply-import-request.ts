import type { MemberStatus } from '../bitwarden/organization-model';
import type { ImportGroup, ImportRequest } from '../model/import-request';
import type {
  ExistingMember,
  PlannedGroupChange,
  PlannedMember,
  RemovalReason,
} from './organization-plan';
import {
  existingMember,
  groupMember,
  isBlank,
  type SimulatedMember,
  type SimulatedOrganization,
} from './simulated-organization';

/** What one simulated import run reports, in the order the server does it. */
export interface ImportEffects {
  removed(member: ExistingMember, reason: RemovalReason): void;
  overwriteUnknown(member: ExistingMember): void;
  linked(member: ExistingMember, externalId: string): void;
  added(entry: PlannedMember): void;
  skipped(entry: PlannedMember, existing: ExistingMember): void;
  unchanged(): void;
  groupCreated(change: PlannedGroupChange): void;
  groupUpdated(change: PlannedGroupChange): void;
  groupUnchanged(): void;
}

export interface ImportContext {
  /** Why a member sent with `deleted: true` is: deleted in the directory, or disabled. */
  readonly removalReason: (externalId: string) => Extract<RemovalReason, 'deleted' | 'disabled'>;
  /** The status a new member gets: invited, or staged when the server stages. */
  readonly addedStatus: MemberStatus;
}

/** The server's answer when overwrite would remove a member that has no master password. */
export const OVERWRITE_REFUSAL_MESSAGE =
  "Sync failed. To proceed, disable the 'Remove and re-add users during next sync' setting and try again.";

export type ImportRunResult =
  | { readonly refused: false }
  | { readonly refused: true; readonly members: readonly ExistingMember[] };

/**
 * One run of the Bitwarden server's import (bitwarden-import-contract.md §3.4–3.6) against the
 * simulated organization, which it changes as the server would. Every step commits before the
 * next, as on the server, so a refusal leaves the earlier steps applied.
 */
export function applyImportRequest(
  organization: SimulatedOrganization,
  request: ImportRequest,
  context: ImportContext,
  effects: ImportEffects,
): ImportRunResult {
  const active: PlannedMember[] = [];
  const deletedIds: string[] = [];
  for (const entry of request.members) {
    if (entry.deleted) {
      deletedIds.push(entry.externalId);
    } else {
      active.push({ externalId: entry.externalId, email: (entry.email ?? '').toLowerCase() });
    }
  }
  const importedIds = new Set(active.map((entry) => entry.externalId));
  // The server loads the members once, before it changes anything.
  const externalMembers = new Map<string, SimulatedMember>();
  for (const member of organization.allMembers()) {
    if (member.externalId !== null && !externalMembers.has(member.externalId)) {
      externalMembers.set(member.externalId, member);
    }
  }
  const blankMembers = [...organization.allMembers()].filter((m) => m.externalId === null);

  removeDeleted(organization, deletedIds, importedIds, externalMembers, context, effects);
  for (const entry of active) {
    const member = externalMembers.get(entry.externalId);
    if (member !== undefined && organization.member(member.memberId) !== undefined) {
      effects.unchanged();
    }
  }
  if (request.overwriteExisting) {
    const refusal = removeUnlisted(organization, importedIds, externalMembers, effects);
    if (refusal !== null) {
      return { refused: true, members: refusal };
    }
  }
  const idMap = new Map<string, string>();
  for (const member of organization.allMembers()) {
    if (member.externalId !== null && !idMap.has(member.externalId)) {
      idMap.set(member.externalId, member.memberId);
    }
  }
  linkByEmail(organization, active, blankMembers, idMap, effects);
  addNew(organization, active, idMap, context, effects);
  for (const group of request.groups) {
    applyGroup(organization, group, idMap, effects);
  }
  return { refused: false };
}

/** Step 1: members sent as deleted are removed by external id; owners never are. */
function removeDeleted(
  organization: SimulatedOrganization,
  deletedIds: readonly string[],
  importedIds: ReadonlySet<string>,
  externalMembers: ReadonlyMap<string, SimulatedMember>,
  context: ImportContext,
  effects: ImportEffects,
): void {
  for (const externalId of deletedIds) {
    const member = externalMembers.get(externalId);
    if (
      member === undefined ||
      importedIds.has(externalId) ||
      member.type === 'owner' ||
      organization.member(member.memberId) === undefined
    ) {
      continue;
    }
    organization.remove(member.memberId);
    effects.removed(existingMember(member), context.removalReason(externalId));
  }
}

/**
 * Step 2 (overwrite): every external non-owner missing from the active entries goes, unless one
 * of them has no master password; then the server refuses. Invited and staged members have no
 * account, so no master password. The candidates come from the members loaded before step 1,
 * so a member step 1 just removed still counts, as on the server.
 *
 * @returns the members that make the server refuse, or null when it removes the candidates.
 */
function removeUnlisted(
  organization: SimulatedOrganization,
  importedIds: ReadonlySet<string>,
  externalMembers: ReadonlyMap<string, SimulatedMember>,
  effects: ImportEffects,
): ExistingMember[] | null {
  const candidates = [...externalMembers.values()].filter(
    (member) => member.type !== 'owner' && !importedIds.has(member.externalId ?? ''),
  );
  const withoutAccount: ExistingMember[] = [];
  for (const member of candidates) {
    if (member.status === 'invited' || member.status === 'staged') {
      withoutAccount.push(existingMember(member));
    } else {
      // Whether an accepted, confirmed or revoked member has a master password (and not SSO,
      // TDE or key connector only) is not visible through the Public API.
      effects.overwriteUnknown(existingMember(member));
    }
  }
  if (withoutAccount.length > 0) {
    return withoutAccount;
  }
  for (const member of candidates) {
    if (organization.member(member.memberId) !== undefined) {
      organization.remove(member.memberId);
      effects.removed(existingMember(member), 'unlisted');
    }
  }
  return null;
}

/**
 * Step 3: a member without an external id whose email equals an active entry's gets that
 * external id. The server matches exactly against the lower-cased import email here.
 */
function linkByEmail(
  organization: SimulatedOrganization,
  active: readonly PlannedMember[],
  blankMembers: readonly SimulatedMember[],
  idMap: Map<string, string>,
  effects: ImportEffects,
): void {
  const activeByEmail = new Map<string, PlannedMember>();
  for (const entry of active) {
    if (!activeByEmail.has(entry.email)) {
      activeByEmail.set(entry.email, entry);
    }
  }
  for (const member of blankMembers) {
    const entry = activeByEmail.get(member.email);
    // An external id already held by another member makes the server fail (500) instead; the
    // plan leaves that member alone rather than guess.
    if (entry === undefined || idMap.has(entry.externalId)) {
      continue;
    }
    effects.linked(existingMember(member), entry.externalId);
    organization.link(member.memberId, entry.externalId);
    idMap.set(entry.externalId, member.memberId);
  }
}

/**
 * Step 4: active entries whose external id no member holds are invited or staged, unless their
 * email is already known in the organization (case-insensitive): then the server skips them.
 */
function addNew(
  organization: SimulatedOrganization,
  active: readonly PlannedMember[],
  idMap: Map<string, string>,
  context: ImportContext,
  effects: ImportEffects,
): void {
  for (const entry of active) {
    if (idMap.has(entry.externalId) || isBlank(entry.email)) {
      continue;
    }
    const known = organization.memberWithEmail(entry.email);
    if (known !== undefined) {
      effects.skipped(entry, existingMember(known));
      continue;
    }
    const member = organization.add(entry, context.addedStatus);
    idMap.set(entry.externalId, member.memberId);
    effects.added(entry);
  }
}

/**
 * Step 5: a group is matched by external id, created or renamed, and its membership replaced by
 * the named members the organization knows, when that set differs.
 */
function applyGroup(
  organization: SimulatedOrganization,
  group: ImportGroup,
  idMap: ReadonlyMap<string, string>,
  effects: ImportEffects,
): void {
  const wanted: SimulatedMember[] = [];
  const wantedIds = new Set<string>();
  for (const externalId of group.memberExternalIds) {
    const memberId = idMap.get(externalId);
    const member = memberId === undefined ? undefined : organization.member(memberId);
    if (member !== undefined && !wantedIds.has(member.memberId)) {
      wantedIds.add(member.memberId);
      wanted.push(member);
    }
  }
  const existing = organization.group(group.externalId);
  if (existing === undefined) {
    organization.addGroup({
      groupId: null,
      name: group.name,
      externalId: group.externalId,
      memberIds: wantedIds,
    });
    effects.groupCreated({
      externalId: group.externalId,
      name: group.name,
      groupId: null,
      renamedFrom: null,
      membersAdded: wanted.map(groupMember),
      membersRemoved: [],
    });
    return;
  }
  const before = existing.memberIds;
  if (before === null) {
    throw new Error(
      `The members of group ${group.externalId} were not read from Bitwarden, so the plan cannot ` +
        'tell how the import changes them. Read the organization with the groups the import names.',
    );
  }
  // Members removed earlier in this run have left the group with their membership.
  const current = [...before].flatMap((id) => organization.member(id) ?? []);
  const membersAdded = wanted.filter((member) => !before.has(member.memberId));
  const membersRemoved = current.filter((member) => !wantedIds.has(member.memberId));
  const renamedFrom = existing.name === group.name ? null : existing.name;
  existing.name = group.name;
  existing.memberIds = wantedIds;
  if (renamedFrom === null && membersAdded.length === 0 && membersRemoved.length === 0) {
    effects.groupUnchanged();
    return;
  }
  effects.groupUpdated({
    externalId: group.externalId,
    name: group.name,
    groupId: existing.groupId,
    renamedFrom,
    membersAdded: membersAdded.map(groupMember),
    membersRemoved: membersRemoved.map(groupMember),
  });
}

import {
  startBitwardenServer,
  type OrganizationSnapshot,
  type RunningBitwardenServer,
  type SeedOrganization,
} from '@bwdc/bitwarden-server';

import { BitwardenClient } from '../bitwarden/bitwarden-client';
import { clientDeviceFor } from '../bitwarden/client-device';
import type { DirectoryGroup } from '../model/directory-group';
import type { DirectoryUser } from '../model/directory-user';
import type { ImportOptions } from '../model/import-options';
import { IMPORT_BATCH_SIZE } from '../sync/build-import-requests';
import { planSync } from '../sync/plan-sync';
import type { SyncPlan } from '../sync/sync-plan';
import { aGroup, aUser, importOptions } from '../testing/builders';
import { OVERWRITE_REFUSAL_MESSAGE } from './apply-import-request';
import type { OrganizationPlan } from './organization-plan';
import { groupsNamedBy, readOrganization } from './organization-state';
import { planAgainstOrganization } from './plan-against-organization';

const ORG_ID = '6a0c2f1e-4b3d-4e5f-8a9b-0c1d2e3f4a5b';
const API_KEY = {
  clientId: `organization.${ORG_ID}`,
  clientSecret: 'planSecretThirtyCharactersLong',
};
const OWNER = { email: 'owner@example.com', type: 'owner', status: 'confirmed' } as const;

type SeedMembers = SeedOrganization['members'];
type SeedGroups = SeedOrganization['groups'];

interface Scenario {
  readonly members: SeedMembers;
  readonly groups?: SeedGroups;
  readonly stagedUsers?: boolean;
  readonly users: readonly DirectoryUser[];
  readonly directoryGroups?: readonly DirectoryGroup[];
  readonly options: Partial<ImportOptions>;
}

interface Outcome {
  readonly plan: OrganizationPlan;
  readonly syncPlan: SyncPlan;
  readonly before: OrganizationSnapshot;
  readonly after: OrganizationSnapshot;
  /** Why the server refused the import, or null when it accepted every request. */
  readonly rejection: unknown;
}

/**
 * A change to the organization in one shape, whether planned or observed, so that every
 * scenario asserts the same way: `planned(plan) === observed(before, after)`.
 */
interface Change {
  readonly removed: string[];
  readonly linked: string[];
  readonly added: string[];
  readonly skipped: string[];
  readonly unchanged: number;
  /** Anything else that happened to an existing member: a plan never expects any. */
  readonly otherMemberChanges: string[];
  readonly createdGroups: { externalId: string | null; name: string; members: string[] }[];
  readonly updatedGroups: {
    externalId: string | null;
    name: string;
    renamedFrom: string | null;
    membersAdded: string[];
    membersRemoved: string[];
  }[];
  readonly unchangedGroups: number;
  readonly seats: { members: number; newlyOccupied: number };
  readonly refused: boolean;
}

const sorted = (values: Iterable<string>): string[] => [...values].sort();
const byExternalId = <T extends { externalId: string | null }>(groups: T[]): T[] =>
  groups.sort((a, b) => (a.externalId ?? '').localeCompare(b.externalId ?? ''));

/** The plan in the comparable shape; `stagedUsers` says what `invited-or-staged` turns into. */
function planned(plan: OrganizationPlan, stagedUsers: boolean): Change {
  const staged = plan.members.addedAs === 'invited-or-staged' && stagedUsers;
  const addedStatus = staged ? 'staged' : 'invited';
  return {
    removed: sorted(plan.members.removed.map((member) => `${member.email} ${member.reason}`)),
    linked: sorted(
      plan.members.linked.map(
        (link) => `${link.memberId} ${link.email} -> ${link.linkedExternalId}`,
      ),
    ),
    added: sorted(
      plan.members.added.map((entry) => `${entry.email} ${entry.externalId} ${addedStatus}`),
    ),
    skipped: sorted(
      plan.members.skipped.map(
        (skip) => `${skip.externalId} ${skip.email} -> ${skip.existing.memberId}`,
      ),
    ),
    unchanged: plan.members.unchanged,
    otherMemberChanges: [],
    createdGroups: byExternalId(
      plan.groups.created.map((group) => ({
        externalId: group.externalId,
        name: group.name,
        members: sorted(group.membersAdded.map((member) => member.email)),
      })),
    ),
    updatedGroups: byExternalId(
      plan.groups.updated.map((group) => ({
        externalId: group.externalId,
        name: group.name,
        renamedFrom: group.renamedFrom,
        membersAdded: sorted(group.membersAdded.map((member) => member.email)),
        membersRemoved: sorted(group.membersRemoved.map((member) => member.email)),
      })),
    ),
    unchangedGroups: plan.groups.unchanged,
    seats: {
      members: plan.seats.members,
      // Staged members take no seat; the plan gives the upper bound when it cannot tell.
      newlyOccupied: staged ? 0 : plan.seats.newlyOccupied,
    },
    refused: plan.refusal !== null,
  };
}

/** What the server did, read from its state before and after the requests were sent. */
function observed(outcome: Omit<Outcome, 'plan'>): Change {
  const { before, after, syncPlan } = outcome;
  const refused = isOverwriteRefusal(outcome.rejection);
  const afterById = new Map(after.members.map((member) => [member.id, member]));
  const beforeById = new Map(before.members.map((member) => [member.id, member]));
  const entries = syncPlan.requests.flatMap((request) => request.members);
  const sentDeleted = new Set(entries.filter((e) => e.deleted).map((e) => e.externalId));
  const active = entries.filter((entry) => !entry.deleted);
  const deletedInDirectory = new Set(
    syncPlan.users.filter((user) => user.deleted).map((user) => user.externalId),
  );

  const removedMembers = before.members.filter((member) => !afterById.has(member.id));
  const removedEmails = new Set(removedMembers.map((member) => member.email));
  const removed = removedMembers.map((member) => {
    const id = member.externalId ?? '';
    const reason = !sentDeleted.has(id)
      ? 'unlisted'
      : deletedInDirectory.has(id)
        ? 'deleted'
        : 'disabled';
    return `${member.email} ${reason}`;
  });

  const linked: string[] = [];
  const otherMemberChanges: string[] = [];
  for (const member of before.members) {
    const now = afterById.get(member.id);
    if (now === undefined) {
      continue;
    }
    if (member.externalId === null && now.externalId !== null) {
      linked.push(`${member.id} ${member.email} -> ${now.externalId}`);
    } else if (now.externalId !== member.externalId) {
      otherMemberChanges.push(
        `${member.email} externalId ${member.externalId} -> ${now.externalId}`,
      );
    }
    for (const field of ['email', 'type', 'status', 'hasMasterPassword'] as const) {
      if (now[field] !== member[field]) {
        otherMemberChanges.push(`${member.email} ${field} ${member[field]} -> ${now[field]}`);
      }
    }
  }

  const newMembers = after.members.filter((member) => !beforeById.has(member.id));
  const added = newMembers.map((member) => `${member.email} ${member.externalId} ${member.status}`);

  const holderOf = new Map(after.members.map((member) => [member.externalId, member]));
  const byEmail = new Map(after.members.map((member) => [member.email.toLowerCase(), member]));
  // A refused request stopped before step 4, so it skipped nothing.
  const skipped = refused
    ? []
    : active
        .filter((entry) => !holderOf.has(entry.externalId))
        .map((entry) => {
          const owner = byEmail.get((entry.email ?? '').toLowerCase());
          return `${entry.externalId} ${entry.email} -> ${owner?.id ?? 'nobody'}`;
        });
  const beforeHolder = new Map(before.members.map((member) => [member.externalId, member]));
  const unchanged = active.filter((entry) => {
    const member = beforeHolder.get(entry.externalId);
    return member !== undefined && afterById.has(member.id);
  }).length;

  const namedGroups = new Set(syncPlan.requests.flatMap((r) => r.groups.map((g) => g.externalId)));
  const beforeGroups = new Map(before.groups.map((group) => [group.id, group]));
  const createdGroups: Change['createdGroups'] = [];
  const updatedGroups: Change['updatedGroups'] = [];
  let unchangedGroups = 0;
  for (const group of after.groups) {
    const was = beforeGroups.get(group.id);
    if (was === undefined) {
      createdGroups.push({
        externalId: group.externalId,
        name: group.name,
        members: sorted(group.members),
      });
      continue;
    }
    // Members removed from the organization leave their groups; that is not a group change.
    const wasMembers = new Set(was.members.filter((email) => !removedEmails.has(email)));
    const nowMembers = new Set(group.members);
    const membersAdded = sorted(group.members.filter((email) => !wasMembers.has(email)));
    const membersRemoved = sorted([...wasMembers].filter((email) => !nowMembers.has(email)));
    const renamedFrom = was.name === group.name ? null : was.name;
    if (renamedFrom !== null || membersAdded.length > 0 || membersRemoved.length > 0) {
      updatedGroups.push({
        externalId: group.externalId,
        name: group.name,
        renamedFrom,
        membersAdded,
        membersRemoved,
      });
    } else if (!refused && group.externalId !== null && namedGroups.has(group.externalId)) {
      unchangedGroups += 1;
    }
  }

  return {
    removed: sorted(removed),
    linked: sorted(linked),
    added: sorted(added),
    skipped: sorted(skipped),
    unchanged,
    otherMemberChanges,
    createdGroups: byExternalId(createdGroups),
    updatedGroups: byExternalId(updatedGroups),
    unchangedGroups,
    seats: {
      members: before.members.length,
      newlyOccupied: newMembers.filter((member) => member.status !== 'staged').length,
    },
    refused,
  };
}

function isOverwriteRefusal(rejection: unknown): boolean {
  return (
    rejection instanceof Error &&
    (rejection as { status?: unknown }).status === 400 &&
    rejection.message.includes(OVERWRITE_REFUSAL_MESSAGE)
  );
}

describe('planAgainstOrganization against the local Bitwarden server', () => {
  let server: RunningBitwardenServer | undefined;

  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  const startServer = async (scenario: Scenario): Promise<RunningBitwardenServer> => {
    await server?.stop();
    server = await startBitwardenServer({
      seed: {
        organizations: [
          {
            id: ORG_ID,
            apiKey: API_KEY.clientSecret,
            members: scenario.members,
            groups: scenario.groups ?? [],
            ...(scenario.stagedUsers === undefined ? {} : { stagedUsers: scenario.stagedUsers }),
          },
        ],
      },
    });
    return server;
  };

  /** Plans the directory against the organization as it is now, then sends the import. */
  const syncOnce = async (
    running: RunningBitwardenServer,
    scenario: Scenario,
  ): Promise<Outcome> => {
    const client = new BitwardenClient({
      urls: { apiUrl: running.apiUrl, identityUrl: running.identityUrl },
      apiKey: API_KEY,
      device: clientDeviceFor('linux', 'c0ffee00-0000-4000-8000-0000000000aa', '2026.11.0'),
    });
    const options = importOptions(scenario.options);
    const syncPlan = planSync({
      users: scenario.users,
      groups: scenario.directoryGroups ?? [],
      options,
      destination: { apiUrl: running.apiUrl, organizationId: ORG_ID },
      previousFingerprint: null,
    });
    const organization = await readOrganization(client, {
      groupMembersOf: groupsNamedBy(syncPlan),
    });
    const plan = planAgainstOrganization({ plan: syncPlan, options, organization });
    const before = running.organization(ORG_ID);
    const rejection = await client.importRequests(syncPlan.requests).then(
      () => null,
      (error: unknown) => error,
    );
    const after = running.organization(ORG_ID);
    return { plan, syncPlan, before, after, rejection };
  };

  /** The acceptance criterion: the plan is exactly what the server then did. */
  const expectPlanToMatchServer = async (scenario: Scenario): Promise<Outcome> => {
    const outcome = await syncOnce(await startServer(scenario), scenario);
    expect(planned(outcome.plan, scenario.stagedUsers ?? false)).toEqual(observed(outcome));
    return outcome;
  };

  const idOf = (outcome: Outcome, email: string): string => {
    const member = outcome.before.members.find((candidate) => candidate.email === email);
    if (member === undefined) {
      throw new Error(`no member ${email} in the seed`);
    }
    return member.id;
  };

  it('plans a first sync into an organization that has only its owner', async () => {
    const { plan, rejection } = await expectPlanToMatchServer({
      members: [OWNER],
      users: [aUser('ann'), aUser('bob'), aUser('cid')],
      directoryGroups: [aGroup('staff', { users: ['ann', 'bob'] }, { name: 'Staff' })],
      options: { inviteUsersAfterProvisioning: true },
    });

    expect(rejection).toBeNull();
    expect(plan.members.added.map((entry) => entry.email)).toEqual([
      'ann@example.com',
      'bob@example.com',
      'cid@example.com',
    ]);
    expect(plan.members.addedAs).toBe('invited');
    expect(plan.seats).toEqual({ members: 1, newlyOccupied: 3 });
    expect(plan.groups.created.map((group) => group.name)).toEqual(['Staff']);
  });

  it('plans overwrite removing unlisted members, keeping owners and members without externalId', async () => {
    const { plan } = await expectPlanToMatchServer({
      members: [
        { ...OWNER, externalId: 'boss' },
        { email: 'keep@example.com', type: 'user', status: 'confirmed' },
        { email: 'ann@example.com', externalId: 'ann', type: 'user', status: 'confirmed' },
        { email: 'gone1@example.com', externalId: 'gone1', type: 'user', status: 'confirmed' },
        { email: 'gone2@example.com', externalId: 'gone2', type: 'admin', status: 'accepted' },
        { email: 'gone3@example.com', externalId: 'gone3', type: 'custom', status: 'revoked' },
      ],
      users: [aUser('ann'), aUser('bob')],
      options: { overwriteExisting: true, inviteUsersAfterProvisioning: true },
    });

    expect(plan.members.removed.map((r) => `${r.email} ${r.reason}`)).toEqual([
      'gone1@example.com unlisted',
      'gone2@example.com unlisted',
      'gone3@example.com unlisted',
    ]);
    expect(plan.overwriteUnknowns.map((member) => member.email)).toEqual([
      'gone1@example.com',
      'gone2@example.com',
      'gone3@example.com',
    ]);
    expect(plan.members.unchanged).toBe(1);
    expect(plan.refusal).toBeNull();
  });

  it('plans the refusal of an overwrite that would remove an invited member, after step 1', async () => {
    const { plan, rejection, after } = await expectPlanToMatchServer({
      members: [
        OWNER,
        { email: 'old@example.com', externalId: 'old', type: 'user', status: 'confirmed' },
        { email: 'pending@example.com', externalId: 'pending', type: 'user', status: 'invited' },
        { email: 'other@example.com', externalId: 'other', type: 'user', status: 'confirmed' },
      ],
      groups: [{ name: 'Staff', externalId: 'staff', members: ['other@example.com'] }],
      users: [aUser('ann'), aUser('old', { deleted: true, email: null })],
      directoryGroups: [aGroup('staff', { users: ['ann'] }, { name: 'Renamed staff' })],
      options: { overwriteExisting: true, inviteUsersAfterProvisioning: true },
    });

    expect(rejection).toMatchObject({ status: 400 });
    expect(plan.refusal).toEqual({
      code: 'OVERWRITE_MEMBERS_WITHOUT_MASTER_PASSWORD',
      message: OVERWRITE_REFUSAL_MESSAGE,
      members: [expect.objectContaining({ email: 'pending@example.com', status: 'invited' })],
    });
    expect(plan.members.removed.map((r) => `${r.email} ${r.reason}`)).toEqual([
      'old@example.com deleted',
    ]);
    expect(plan.members.added).toEqual([]);
    expect(plan.groups).toEqual({ created: [], updated: [], unchanged: 0 });
    expect(after.groups.map((group) => group.name)).toEqual(['Staff']);
    expect(after.members.map((member) => member.email)).toEqual([
      'owner@example.com',
      'pending@example.com',
      'other@example.com',
    ]);
  });

  it('plans the refusal when the only member without a password was removed by step 1', async () => {
    // Step 2's candidates come from the members loaded before step 1 (contract §3.4), so an
    // invited member sent as deleted is removed and still makes the overwrite refuse.
    const { plan, rejection } = await expectPlanToMatchServer({
      members: [
        OWNER,
        { email: 'pending@example.com', externalId: 'pending', type: 'user', status: 'invited' },
      ],
      users: [aUser('ann'), aUser('pending', { deleted: true })],
      options: { overwriteExisting: true, inviteUsersAfterProvisioning: true },
    });

    expect(rejection).toMatchObject({ status: 400 });
    expect(plan.members.removed.map((r) => `${r.email} ${r.reason}`)).toEqual([
      'pending@example.com deleted',
    ]);
    expect(plan.refusal?.members.map((member) => member.email)).toEqual(['pending@example.com']);
  });

  it('warns about, but cannot foresee, the refusal caused by a confirmed member without a password', async () => {
    const scenario: Scenario = {
      members: [
        OWNER,
        {
          email: 'sso@example.com',
          externalId: 'sso',
          type: 'user',
          status: 'confirmed',
          hasMasterPassword: false,
        },
      ],
      users: [aUser('ann')],
      options: { overwriteExisting: true },
    };
    const outcome = await syncOnce(await startServer(scenario), scenario);

    expect(outcome.plan.refusal).toBeNull();
    expect(outcome.plan.overwriteUnknowns.map((member) => member.email)).toEqual([
      'sso@example.com',
    ]);
    expect(outcome.rejection).toMatchObject({ status: 400 });
    expect(outcome.after).toEqual(outcome.before);
  });

  it('plans removing a disabled user when remove-disabled is on, but never an owner', async () => {
    const { plan } = await expectPlanToMatchServer({
      members: [
        { ...OWNER, externalId: 'boss' },
        { email: 'dis@example.com', externalId: 'dis', type: 'user', status: 'confirmed' },
        { email: 'ann@example.com', externalId: 'ann', type: 'user', status: 'confirmed' },
      ],
      users: [
        aUser('boss', { email: 'owner@example.com', disabled: true }),
        aUser('dis', { disabled: true }),
        aUser('ann'),
        aUser('bob'),
      ],
      options: { removeDisabled: true },
    });

    expect(plan.members.removed.map((r) => `${r.email} ${r.reason}`)).toEqual([
      'dis@example.com disabled',
    ]);
    expect(plan.members.added.map((entry) => entry.email)).toEqual(['bob@example.com']);
    expect(plan.members.addedAs).toBe('invited-or-staged');
  });

  it('plans removing deleted users, invited ones included, and ignores unknown deleted ids', async () => {
    const { plan } = await expectPlanToMatchServer({
      members: [
        OWNER,
        { email: 'x1@example.com', externalId: 'x1', type: 'user', status: 'confirmed' },
        { email: 'x2@example.com', externalId: 'x2', type: 'admin', status: 'invited' },
        { email: 'ann@example.com', externalId: 'ann', type: 'user', status: 'confirmed' },
      ],
      groups: [
        { name: 'Staff', externalId: 'staff', members: ['x1@example.com', 'ann@example.com'] },
      ],
      users: [
        aUser('x1', { deleted: true, email: null }),
        aUser('x2', { deleted: true }),
        aUser('ghost', { deleted: true }),
        aUser('ann'),
      ],
      directoryGroups: [aGroup('staff', { users: ['ann', 'x1'] }, { name: 'Staff' })],
      options: {},
    });

    expect(plan.members.removed.map((r) => `${r.email} ${r.reason}`)).toEqual([
      'x1@example.com deleted',
      'x2@example.com deleted',
    ]);
    expect(plan.groups.unchanged).toBe(1);
  });

  it('plans skipping an entry whose email is known under another externalId, dropping it from groups', async () => {
    const outcome = await expectPlanToMatchServer({
      members: [
        OWNER,
        { email: 'ann@example.com', externalId: 'old-ann', type: 'user', status: 'confirmed' },
      ],
      users: [aUser('ann'), aUser('bob')],
      directoryGroups: [aGroup('staff', { users: ['ann', 'bob'] }, { name: 'Staff' })],
      options: { inviteUsersAfterProvisioning: true },
    });
    const { plan } = outcome;

    expect(plan.members.skipped).toEqual([
      {
        externalId: 'ann',
        email: 'ann@example.com',
        existing: expect.objectContaining({
          memberId: idOf(outcome, 'ann@example.com'),
          externalId: 'old-ann',
        }),
      },
    ]);
    expect(plan.groups.created[0]?.membersAdded.map((member) => member.email)).toEqual([
      'bob@example.com',
    ]);
  });

  it('plans linking members without externalId by email, an owner and a revoked member included', async () => {
    const outcome = await expectPlanToMatchServer({
      members: [
        OWNER,
        { email: 'rev@example.com', type: 'user', status: 'revoked' },
        { email: 'adm@example.com', type: 'admin', status: 'accepted' },
      ],
      users: [aUser('own', { email: 'owner@example.com' }), aUser('rev'), aUser('adm')],
      directoryGroups: [aGroup('staff', { users: ['own', 'rev'] }, { name: 'Staff' })],
      options: { overwriteExisting: true },
    });
    const { plan } = outcome;

    expect(plan.members.linked.map((link) => `${link.email} -> ${link.linkedExternalId}`)).toEqual([
      'owner@example.com -> own',
      'rev@example.com -> rev',
      'adm@example.com -> adm',
    ]);
    expect(plan.members.linked[1]).toMatchObject({ status: 'revoked', externalId: null });
    expect(plan.members.added).toEqual([]);
    expect(plan.groups.created[0]?.membersAdded).toHaveLength(2);
  });

  it('plans renaming a group', async () => {
    const { plan } = await expectPlanToMatchServer({
      members: [
        OWNER,
        { email: 'ann@example.com', externalId: 'ann', type: 'user', status: 'confirmed' },
      ],
      groups: [{ name: 'Old name', externalId: 'staff', members: ['ann@example.com'] }],
      users: [aUser('ann')],
      directoryGroups: [aGroup('staff', { users: ['ann'] }, { name: 'New name' })],
      options: {},
    });

    expect(plan.groups.updated).toEqual([
      expect.objectContaining({
        externalId: 'staff',
        name: 'New name',
        renamedFrom: 'Old name',
        membersAdded: [],
        membersRemoved: [],
      }),
    ]);
  });

  it('plans replacing group membership, dropping hand-added members with or without externalId', async () => {
    const { plan } = await expectPlanToMatchServer({
      members: [
        OWNER,
        { email: 'ann@example.com', externalId: 'ann', type: 'user', status: 'confirmed' },
        { email: 'bob@example.com', externalId: 'bob', type: 'user', status: 'confirmed' },
        { email: 'hand@example.com', type: 'user', status: 'confirmed' },
        { email: 'side@example.com', externalId: 'side', type: 'user', status: 'confirmed' },
      ],
      groups: [
        {
          name: 'Staff',
          externalId: 'staff',
          members: ['ann@example.com', 'hand@example.com', 'side@example.com'],
        },
      ],
      users: [aUser('ann'), aUser('bob'), aUser('cid')],
      directoryGroups: [aGroup('staff', { users: ['ann', 'bob', 'cid'] }, { name: 'Staff' })],
      options: { inviteUsersAfterProvisioning: true },
    });

    const [staff] = plan.groups.updated;
    expect(staff?.renamedFrom).toBeNull();
    expect(staff?.membersAdded.map((member) => member.email)).toEqual([
      'bob@example.com',
      'cid@example.com',
    ]);
    expect(staff?.membersRemoved).toEqual([
      { externalId: null, email: 'hand@example.com' },
      { externalId: 'side', email: 'side@example.com' },
    ]);
  });

  it('plans leaving alone groups the import does not name, even with overwrite', async () => {
    const { plan, before, after } = await expectPlanToMatchServer({
      members: [
        OWNER,
        { email: 'ann@example.com', externalId: 'ann', type: 'user', status: 'confirmed' },
        { email: 'bob@example.com', externalId: 'bob', type: 'user', status: 'confirmed' },
      ],
      groups: [
        { name: 'Manual', members: ['ann@example.com'] },
        { name: 'Legacy', externalId: 'legacy', members: ['ann@example.com', 'bob@example.com'] },
      ],
      users: [aUser('ann'), aUser('bob')],
      directoryGroups: [aGroup('staff', { users: ['ann'] }, { name: 'Staff' })],
      options: { overwriteExisting: true },
    });

    expect(plan.groups.created.map((group) => group.externalId)).toEqual(['staff']);
    expect(plan.groups.updated).toEqual([]);
    expect(after.groups.slice(0, 2)).toEqual(before.groups);
  });

  it('plans a large import sent in several batches, each applied to what the last one left', async () => {
    const users = Array.from({ length: IMPORT_BATCH_SIZE + 150 }, (_, index) =>
      aUser(`u${String(index).padStart(5, '0')}`),
    );
    const outcome = await expectPlanToMatchServer({
      members: [
        OWNER,
        { email: 'u00005@example.com', externalId: 'u00005', type: 'user', status: 'confirmed' },
        { email: 'u02100@example.com', type: 'user', status: 'accepted' },
        { email: 'u02101@example.com', externalId: 'elsewhere', type: 'user', status: 'confirmed' },
      ],
      groups: [{ name: 'Early', externalId: 'early', members: ['u02100@example.com'] }],
      users,
      directoryGroups: [
        aGroup(
          'early',
          { users: ['u00001', 'u00005', 'u02100', 'u02101', 'u02149'] },
          { name: 'Early' },
        ),
        aGroup('late', { users: ['u01999', 'u02000'] }, { name: 'Late' }),
      ],
      options: { largeImport: true, inviteUsersAfterProvisioning: true },
    });
    const { plan, syncPlan } = outcome;

    expect(syncPlan.requests.map((r) => [r.members.length, r.groups.length])).toEqual([
      [IMPORT_BATCH_SIZE, 0],
      [150, 0],
      [0, 2],
    ]);
    expect(plan.members.added).toHaveLength(IMPORT_BATCH_SIZE + 150 - 3);
    expect(plan.members.linked.map((link) => link.email)).toEqual(['u02100@example.com']);
    expect(plan.members.skipped.map((skip) => skip.externalId)).toEqual(['u02101']);
    expect(plan.members.unchanged).toBe(1);
    expect(plan.groups.updated[0]?.membersAdded).toHaveLength(3);
  });

  it('plans staged provisioning when the server stages and inviting is off', async () => {
    const { plan, after } = await expectPlanToMatchServer({
      members: [OWNER],
      stagedUsers: true,
      users: [aUser('ann'), aUser('bob')],
      options: { inviteUsersAfterProvisioning: false },
    });

    expect(plan.members.addedAs).toBe('invited-or-staged');
    expect(plan.members.added).toHaveLength(2);
    expect(after.members.filter((member) => member.status === 'staged')).toHaveLength(2);
  });

  it('plans invitations when inviting is off but the server does not stage', async () => {
    const { plan, after } = await expectPlanToMatchServer({
      members: [OWNER],
      stagedUsers: false,
      users: [aUser('ann')],
      options: { inviteUsersAfterProvisioning: false },
    });

    expect(plan.members.addedAs).toBe('invited-or-staged');
    expect(after.members.map((member) => member.status)).toEqual(['confirmed', 'invited']);
  });

  it('plans nothing but unchanged entries when the same sync runs twice', async () => {
    const scenario: Scenario = {
      members: [
        OWNER,
        { email: 'old@example.com', externalId: 'old', type: 'user', status: 'confirmed' },
        { email: 'bob@example.com', type: 'user', status: 'confirmed' },
      ],
      groups: [{ name: 'Before', externalId: 'staff', members: ['old@example.com'] }],
      users: [aUser('ann'), aUser('bob'), aUser('old', { deleted: true })],
      directoryGroups: [
        aGroup('staff', { users: ['ann', 'bob'] }, { name: 'Staff' }),
        aGroup('all', { groups: ['staff'] }, { name: 'All' }),
      ],
      options: { overwriteExisting: true, inviteUsersAfterProvisioning: true },
    };
    const running = await startServer(scenario);
    const first = await syncOnce(running, scenario);
    expect(planned(first.plan, false)).toEqual(observed(first));

    const second = await syncOnce(running, scenario);

    expect(planned(second.plan, false)).toEqual(observed(second));
    expect(second.plan).toEqual({
      members: {
        added: [],
        addedAs: 'invited',
        linked: [],
        removed: [],
        skipped: [],
        unchanged: 2,
      },
      groups: { created: [], updated: [], unchanged: 2 },
      seats: { members: first.after.members.length, newlyOccupied: 0 },
      overwriteUnknowns: [],
      refusal: null,
    });
  });
});

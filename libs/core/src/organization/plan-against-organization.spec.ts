import type { OrganizationMember } from '../bitwarden/organization-model';
import type { DirectoryGroup } from '../model/directory-group';
import type { DirectoryUser } from '../model/directory-user';
import type { ImportOptions } from '../model/import-options';
import { IMPORT_BATCH_SIZE } from '../sync/build-import-requests';
import { planSync } from '../sync/plan-sync';
import { aGroup, aUser, importOptions } from '../testing/builders';
import { OVERWRITE_REFUSAL_MESSAGE } from './apply-import-request';
import type { OrganizationPlan } from './organization-plan';
import type { OrganizationGroupState } from './organization-state';
import { emptyOrganizationPlan, planAgainstOrganization } from './plan-against-organization';

/** A confirmed user `name@example.com` with member id `m-name`. */
function member(
  name: string,
  externalId: string | null,
  overrides: Partial<OrganizationMember> = {},
): OrganizationMember {
  return {
    id: `m-${name}`,
    email: `${name}@example.com`,
    externalId,
    type: 'user',
    status: 'confirmed',
    ...overrides,
  };
}

const owner = member('owner', null, { type: 'owner' });

function group(
  externalId: string | null,
  name: string,
  memberIds: string[] | null,
): OrganizationGroupState {
  return { id: `g-${externalId ?? name}`, name, externalId, memberIds };
}

function plan(
  organization: { members: OrganizationMember[]; groups?: OrganizationGroupState[] },
  users: readonly DirectoryUser[],
  options: Partial<ImportOptions> = {},
  groups: readonly DirectoryGroup[] = [],
): OrganizationPlan {
  const resolved = importOptions(options);
  return planAgainstOrganization({
    plan: planSync({
      users,
      groups,
      options: resolved,
      destination: { apiUrl: 'https://api.bitwarden.com', organizationId: 'org-1' },
      previousFingerprint: null,
    }),
    options: resolved,
    organization: { members: organization.members, groups: organization.groups ?? [] },
  });
}

const emails = (entries: readonly { email: string }[]): string[] => entries.map((e) => e.email);
const removals = (result: OrganizationPlan): string[] =>
  result.members.removed.map((removal) => `${removal.email} ${removal.reason}`);

describe('planAgainstOrganization', () => {
  describe('members sent as deleted (step 1)', () => {
    it('removes them by externalId, saying whether the directory deleted or disabled them', () => {
      const result = plan(
        { members: [owner, member('del', 'del'), member('dis', 'dis'), member('ann', 'ann')] },
        [
          aUser('del', { deleted: true, email: null }),
          aUser('dis', { disabled: true }),
          aUser('ann'),
        ],
        { removeDisabled: true },
      );

      expect(removals(result)).toEqual(['del@example.com deleted', 'dis@example.com disabled']);
      expect(result.members.removed[0]).toMatchObject({ memberId: 'm-del', externalId: 'del' });
      expect(result.members.unchanged).toBe(1);
    });

    it('never removes an owner, an unknown externalId, or a member matched only by email', () => {
      const result = plan(
        {
          members: [
            member('boss', 'boss', { type: 'owner' }),
            member('ann', 'old-ann'),
            member('bob', null),
          ],
        },
        [
          aUser('boss', { deleted: true }),
          aUser('ann', { deleted: true }),
          aUser('bob', { deleted: true }),
          aUser('ghost', { deleted: true }),
        ],
      );

      expect(result.members.removed).toEqual([]);
    });

    it('keeps disabled members when remove-disabled is off', () => {
      const result = plan({ members: [member('dis', 'dis')] }, [aUser('dis', { disabled: true })]);

      expect(result.members.removed).toEqual([]);
      expect(result.members.unchanged).toBe(1);
    });
  });

  describe('overwrite (step 2)', () => {
    it('removes external non-owners the directory does not list, whatever their status', () => {
      const result = plan(
        {
          members: [
            member('boss', 'boss', { type: 'owner' }),
            member('hand', null),
            member('ann', 'ann'),
            member('adm', 'adm', { type: 'admin', status: 'accepted' }),
            member('rev', 'rev', { status: 'revoked' }),
          ],
        },
        [aUser('ann')],
        { overwriteExisting: true },
      );

      expect(removals(result)).toEqual(['adm@example.com unlisted', 'rev@example.com unlisted']);
      expect(emails(result.overwriteUnknowns)).toEqual(['adm@example.com', 'rev@example.com']);
      expect(result.refusal).toBeNull();
    });

    it('does not let an entry sent as deleted protect its member', () => {
      const result = plan(
        { members: [member('boss', 'boss', { type: 'owner' }), member('x', 'x')] },
        [aUser('x', { deleted: true })],
        { overwriteExisting: true },
      );

      expect(removals(result)).toEqual(['x@example.com deleted']);
    });

    it('re-adds a member whose externalId changed: removed as unlisted, then invited again', () => {
      const result = plan({ members: [owner, member('ann', 'old-ann')] }, [aUser('ann')], {
        overwriteExisting: true,
        inviteUsersAfterProvisioning: true,
      });

      expect(removals(result)).toEqual(['ann@example.com unlisted']);
      expect(result.members.added).toEqual([{ externalId: 'ann', email: 'ann@example.com' }]);
      expect(result.members.skipped).toEqual([]);
    });

    it('refuses after step 1 when an invited or staged member would go, and plans nothing after', () => {
      const result = plan(
        {
          members: [
            owner,
            member('old', 'old'),
            member('inv', 'inv', { status: 'invited' }),
            member('stg', 'stg', { status: 'staged' }),
            member('conf', 'conf'),
            member('link', null),
          ],
          groups: [group('staff', 'Staff', [])],
        },
        [aUser('old', { deleted: true }), aUser('link'), aUser('new')],
        { overwriteExisting: true },
        [aGroup('staff', { users: ['new'] }, { name: 'Renamed' })],
      );

      expect(result.refusal).toEqual({
        code: 'OVERWRITE_MEMBERS_WITHOUT_MASTER_PASSWORD',
        message: OVERWRITE_REFUSAL_MESSAGE,
        members: [
          expect.objectContaining({ memberId: 'm-inv', status: 'invited' }),
          expect.objectContaining({ memberId: 'm-stg', status: 'staged' }),
        ],
      });
      expect(removals(result)).toEqual(['old@example.com deleted']);
      expect(result.members).toMatchObject({ added: [], linked: [], skipped: [] });
      expect(result.groups).toEqual({ created: [], updated: [], unchanged: 0 });
    });

    it('counts a member step 1 removed among the candidates, as the server does', () => {
      const result = plan(
        { members: [owner, member('inv', 'inv', { status: 'invited' })] },
        [aUser('inv', { deleted: true }), aUser('ann')],
        { overwriteExisting: true },
      );

      expect(removals(result)).toEqual(['inv@example.com deleted']);
      expect(result.refusal?.members.map((refusing) => refusing.memberId)).toEqual(['m-inv']);
    });
  });

  describe('linking by email (step 3)', () => {
    it('gives members without externalId the externalId of the entry with their email', () => {
      const result = plan(
        {
          members: [
            member('owner', null, { type: 'owner' }),
            member('rev', null, { status: 'revoked' }),
          ],
        },
        [aUser('own', { email: 'owner@example.com' }), aUser('rev')],
      );

      expect(result.members.linked).toEqual([
        {
          memberId: 'm-owner',
          email: 'owner@example.com',
          externalId: null,
          type: 'owner',
          status: 'confirmed',
          linkedExternalId: 'own',
        },
        {
          memberId: 'm-rev',
          email: 'rev@example.com',
          externalId: null,
          type: 'user',
          status: 'revoked',
          linkedExternalId: 'rev',
        },
      ]);
      expect(result.members.added).toEqual([]);
    });

    it('matches the email exactly, so a member listed with capitals is skipped instead', () => {
      const result = plan({ members: [member('ann', null, { email: 'Ann@Example.com' })] }, [
        aUser('ann'),
      ]);

      expect(result.members.linked).toEqual([]);
      expect(result.members.skipped).toEqual([
        {
          externalId: 'ann',
          email: 'ann@example.com',
          existing: expect.objectContaining({ memberId: 'm-ann' }),
        },
      ]);
    });

    it('does not link when another member already holds the externalId', () => {
      const result = plan(
        {
          members: [
            member('ann', 'ann', { email: 'old@example.com' }),
            member('x', null, { email: 'ann@example.com' }),
          ],
        },
        [aUser('ann')],
      );

      expect(result.members.linked).toEqual([]);
      expect(result.members.unchanged).toBe(1);
    });
  });

  describe('adding (step 4)', () => {
    it('invites new entries when inviting is on, counting their seats', () => {
      const result = plan({ members: [owner] }, [aUser('ann'), aUser('bob')], {
        inviteUsersAfterProvisioning: true,
      });

      expect(result.members.addedAs).toBe('invited');
      expect(emails(result.members.added)).toEqual(['ann@example.com', 'bob@example.com']);
      expect(result.seats).toEqual({ members: 1, newlyOccupied: 2 });
    });

    it('says invited-or-staged when inviting is off, still counting the seats they may take', () => {
      const result = plan({ members: [owner] }, [aUser('ann')]);

      expect(result.members.addedAs).toBe('invited-or-staged');
      expect(result.seats.newlyOccupied).toBe(1);
    });

    it('skips an entry whose email a member holds under another externalId', () => {
      const result = plan(
        { members: [member('ann', 'old-ann')] },
        [aUser('ann'), aUser('bob')],
        {},
        [aGroup('staff', { users: ['ann', 'bob'] })],
      );

      expect(result.members.skipped).toEqual([
        {
          externalId: 'ann',
          email: 'ann@example.com',
          existing: {
            memberId: 'm-ann',
            email: 'ann@example.com',
            externalId: 'old-ann',
            type: 'user',
            status: 'confirmed',
          },
        },
      ]);
      expect(result.groups.created[0]?.membersAdded).toEqual([
        { externalId: 'bob', email: 'bob@example.com' },
      ]);
    });
  });

  describe('groups (step 5)', () => {
    const ann = member('ann', 'ann');
    const bob = member('bob', 'bob');
    const hand = member('hand', null);

    it('creates a group with the named members it knows, ignoring unknown ids', () => {
      const result = plan(
        { members: [ann, member('side', 'side')] },
        [aUser('ann'), aUser('new')],
        { inviteUsersAfterProvisioning: true },
        [aGroup('staff', { users: ['ann', 'new', 'nobody'] }, { name: 'Staff' })],
      );

      expect(result.groups.created).toEqual([
        {
          externalId: 'staff',
          name: 'Staff',
          groupId: null,
          renamedFrom: null,
          membersAdded: [
            { externalId: 'ann', email: 'ann@example.com' },
            { externalId: 'new', email: 'new@example.com' },
          ],
          membersRemoved: [],
        },
      ]);
    });

    it('renames a group whose name differs, even only in case', () => {
      const result = plan(
        { members: [ann], groups: [group('staff', 'staff', ['m-ann'])] },
        [aUser('ann')],
        {},
        [aGroup('staff', { users: ['ann'] }, { name: 'Staff' })],
      );

      expect(result.groups.updated).toEqual([
        {
          externalId: 'staff',
          name: 'Staff',
          groupId: 'g-staff',
          renamedFrom: 'staff',
          membersAdded: [],
          membersRemoved: [],
        },
      ]);
    });

    it('replaces the membership, removing hand-added members with or without externalId', () => {
      const result = plan(
        {
          members: [ann, bob, hand, member('side', 'side')],
          groups: [group('staff', 'Staff', ['m-ann', 'm-hand', 'm-side'])],
        },
        [aUser('ann'), aUser('bob')],
        {},
        [aGroup('staff', { users: ['ann', 'bob'] }, { name: 'Staff' })],
      );

      expect(result.groups.updated[0]).toMatchObject({
        renamedFrom: null,
        membersAdded: [{ externalId: 'bob', email: 'bob@example.com' }],
        membersRemoved: [
          { externalId: null, email: 'hand@example.com' },
          { externalId: 'side', email: 'side@example.com' },
        ],
      });
    });

    it('counts a group whose name and members stay the same as unchanged', () => {
      const result = plan(
        { members: [ann, bob], groups: [group('staff', 'Staff', ['m-bob', 'm-ann'])] },
        [aUser('ann'), aUser('bob')],
        {},
        [aGroup('staff', { users: ['ann', 'bob'] }, { name: 'Staff' })],
      );

      expect(result.groups).toEqual({ created: [], updated: [], unchanged: 1 });
    });

    it('does not report members the same run removed from the organization as group removals', () => {
      const result = plan(
        {
          members: [ann, member('del', 'del')],
          groups: [group('staff', 'Staff', ['m-ann', 'm-del'])],
        },
        [aUser('ann'), aUser('del', { deleted: true })],
        {},
        [aGroup('staff', { users: ['ann', 'del'] }, { name: 'Staff' })],
      );

      expect(removals(result)).toEqual(['del@example.com deleted']);
      expect(result.groups).toEqual({ created: [], updated: [], unchanged: 1 });
    });

    it('never touches a group without externalId, even one with the same name', () => {
      const result = plan(
        { members: [ann], groups: [group(null, 'Staff', null)] },
        [aUser('ann')],
        {},
        [aGroup('staff', { users: ['ann'] }, { name: 'Staff' })],
      );

      expect(result.groups.created.map((created) => created.externalId)).toEqual(['staff']);
      expect(result.groups.updated).toEqual([]);
    });

    it('refuses to guess when a named group was read without its members', () => {
      expect(() =>
        plan({ members: [ann], groups: [group('staff', 'Staff', null)] }, [aUser('ann')], {}, [
          aGroup('staff', { users: ['ann'] }),
        ]),
      ).toThrow('The members of group staff were not read from Bitwarden');
    });
  });

  it('applies batched requests in order: groups see the members earlier batches added', () => {
    const users = Array.from({ length: IMPORT_BATCH_SIZE + 1 }, (_, index) => aUser(`u${index}`));
    const result = plan(
      { members: [owner] },
      users,
      { largeImport: true, inviteUsersAfterProvisioning: true },
      [aGroup('edges', { users: ['u0', `u${IMPORT_BATCH_SIZE}`] })],
    );

    expect(result.members.added).toHaveLength(IMPORT_BATCH_SIZE + 1);
    expect(emails(result.groups.created[0]?.membersAdded ?? [])).toEqual([
      'u0@example.com',
      `u${IMPORT_BATCH_SIZE}@example.com`,
    ]);
  });

  it('leaves the organization it was given as it was', () => {
    const organization = {
      members: [member('ann', null), member('gone', 'gone')],
      groups: [group('staff', 'Old', ['m-gone'])],
    };
    const copy = structuredClone(organization);

    plan(organization, [aUser('ann')], { overwriteExisting: true }, [
      aGroup('staff', { users: ['ann'] }, { name: 'New' }),
    ]);

    expect(organization).toEqual(copy);
  });

  it('plans an organization of 100,000 members', () => {
    const size = 100_000;
    const members = Array.from({ length: size }, (_, index) => member(`u${index}`, `u${index}`));
    const users = Array.from({ length: size }, (_, index) =>
      aUser(`u${index}`, { deleted: index % 10 === 0 }),
    );
    const everyone = users.map((user) => user.externalId);

    const result = plan(
      {
        members,
        groups: [
          group(
            'all',
            'All',
            members.map((m) => m.id),
          ),
        ],
      },
      users,
      {},
      [aGroup('all', { users: everyone }, { name: 'All' })],
    );

    expect(result.members.removed).toHaveLength(size / 10);
    expect(result.members.unchanged).toBe(size - size / 10);
    expect(result.groups.unchanged).toBe(1);
    // Linear work; a generous bound so a busy machine does not fail it, a quadratic plan would.
  }, 60_000);
});

describe('emptyOrganizationPlan', () => {
  it('changes nothing and counts the members there are', () => {
    expect(emptyOrganizationPlan({ members: [owner, member('ann', 'ann')], groups: [] })).toEqual({
      members: {
        added: [],
        addedAs: 'invited',
        linked: [],
        removed: [],
        skipped: [],
        unchanged: 0,
      },
      groups: { created: [], updated: [], unchanged: 0 },
      seats: { members: 2, newlyOccupied: 0 },
      overwriteUnknowns: [],
      refusal: null,
    });
  });
});

import type { OrganizationGroup, OrganizationMember } from '../bitwarden/organization-model';
import type { ImportRequest } from '../model/import-request';
import { groupsNamedBy, readOrganization, type OrganizationReader } from './organization-state';

const members: OrganizationMember[] = [
  { id: 'm1', email: 'ann@example.com', externalId: 'ann', type: 'user', status: 'confirmed' },
  { id: 'm2', email: 'owner@example.com', externalId: null, type: 'owner', status: 'confirmed' },
];

/** An organization reader over fixed data that records which groups' members were read. */
class FakeReader implements OrganizationReader {
  readonly memberReads: string[] = [];
  inFlight = 0;
  mostInFlight = 0;

  constructor(
    private readonly groups: OrganizationGroup[],
    private readonly failingGroup: string | null = null,
  ) {}

  async listMembers(): Promise<OrganizationMember[]> {
    return members;
  }

  async listGroups(): Promise<OrganizationGroup[]> {
    return this.groups;
  }

  async groupMemberIds(groupId: string): Promise<string[]> {
    this.memberReads.push(groupId);
    this.inFlight += 1;
    this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
    // Yield to the event loop so that every read the reader started is in flight together.
    await new Promise((resolve) => setImmediate(resolve));
    this.inFlight -= 1;
    if (groupId === this.failingGroup) {
      throw new Error(`cannot read group ${groupId}`);
    }
    return [`member-of-${groupId}`];
  }
}

const group = (id: string, externalId: string | null = id): OrganizationGroup => ({
  id,
  name: `Group ${id}`,
  externalId,
});

describe('readOrganization', () => {
  it('reads the members of the named groups only, leaving the others unread', async () => {
    const reader = new FakeReader([group('g1'), group('g2'), group('g3', null)]);

    const state = await readOrganization(reader, { groupMembersOf: new Set(['g2', 'g3']) });

    expect(state).toEqual({
      members,
      groups: [
        { ...group('g1'), memberIds: null },
        { ...group('g2'), memberIds: ['member-of-g2'] },
        { ...group('g3', null), memberIds: null },
      ],
    });
    expect(reader.memberReads).toEqual(['g2']);
  });

  it("reads no group's members when told none", async () => {
    const reader = new FakeReader([group('g1')]);

    const state = await readOrganization(reader, { groupMembersOf: 'none' });

    expect(state.groups).toEqual([{ ...group('g1'), memberIds: null }]);
    expect(reader.memberReads).toEqual([]);
  });

  it('keeps at most the given number of group reads in flight, and uses them all', async () => {
    const ids = Array.from({ length: 10 }, (_, index) => `g${index}`);
    const reader = new FakeReader(ids.map((id) => group(id)));

    const state = await readOrganization(reader, { groupMembersOf: new Set(ids), concurrency: 3 });

    expect(reader.mostInFlight).toBe(3);
    expect(state.groups.map((read) => read.memberIds)).toEqual(
      ids.map((id) => [`member-of-${id}`]),
    );
  });

  it('fails when a group cannot be read', async () => {
    const reader = new FakeReader([group('g1'), group('g2')], 'g2');

    await expect(
      readOrganization(reader, { groupMembersOf: new Set(['g1', 'g2']) }),
    ).rejects.toThrow('cannot read group g2');
  });
});

describe('groupsNamedBy', () => {
  const request = (groupIds: string[]): ImportRequest => ({
    groups: groupIds.map((id) => ({ name: id, externalId: id, memberExternalIds: [] })),
    members: [],
    overwriteExisting: false,
    largeImport: true,
    inviteUsersAfterProvisioning: false,
  });

  it('collects the group external ids of every request', () => {
    expect([
      ...groupsNamedBy({ requests: [request([]), request(['a', 'b']), request(['c'])] }),
    ]).toEqual(['a', 'b', 'c']);
  });
});

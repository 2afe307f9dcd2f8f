import { ImportMessages } from './import-command';
import type { SeedMember } from './seed';
import { OWNER, runImportRequest, startServer, stopServers, ORG_ID } from './spec-helpers';

afterEach(stopServers);

const error = (message: string): string =>
  JSON.stringify({ object: 'error', message, errors: null });
const UNHANDLED = error('An unhandled server error has occurred.');

const member = (email: string, extra: Partial<SeedMember> = {}): SeedMember => ({
  email,
  type: 'user',
  status: 'confirmed',
  hasMasterPassword: true,
  ...extra,
});

const emails = (members: { email: string }[]): string[] => members.map((entry) => entry.email);

describe('import: adding members', () => {
  it('invites a new member as a User, records the invitation and event 1500, answers 200 empty', async () => {
    const server = await startServer();

    const result = await runImportRequest(server, {
      members: [{ email: 'Ada@Example.com', externalId: 'ada' }],
    });

    expect(result).toEqual({ status: 200, text: '' });
    const org = server.organization(ORG_ID);
    expect(org.members).toContainEqual(
      expect.objectContaining({
        email: 'ada@example.com',
        externalId: 'ada',
        type: 'user',
        status: 'invited',
        hasMasterPassword: false,
      }),
    );
    expect(org.invitations).toEqual(['ada@example.com']);
    expect(org.events).toEqual([{ type: 1500, memberEmail: 'ada@example.com' }]);
  });

  it('is idempotent: the same import twice changes nothing the second time', async () => {
    const server = await startServer({ groups: [] });
    const body = {
      members: [{ email: 'ada@example.com', externalId: 'ada' }],
      groups: [{ name: 'Eng', externalId: 'eng', memberExternalIds: ['ada'] }],
    };
    await runImportRequest(server, body);
    const first = server.organization(ORG_ID);

    expect(await runImportRequest(server, body)).toEqual({ status: 200, text: '' });

    const second = server.organization(ORG_ID);
    expect(second.members).toEqual(first.members);
    expect(second.groups).toEqual(first.groups);
    expect(second.invitations).toEqual(first.invitations);
    // Only Group_Updated is logged again.
    expect(second.events.slice(first.events.length)).toEqual([
      { type: 1401, groupExternalId: 'eng' },
    ]);
  });

  it('stages new members when inviteUsersAfterProvisioning is false and the flag is on', async () => {
    const server = await startServer({ stagedUsers: true, seats: 1 });

    const result = await runImportRequest(server, {
      members: [
        { email: 'ada@example.com', externalId: 'ada' },
        { email: 'bob@example.com', externalId: 'bob' },
      ],
      inviteUsersAfterProvisioning: false,
    });

    expect(result.status).toBe(200);
    const org = server.organization(ORG_ID);
    expect(org.members.filter((entry) => entry.status === 'staged')).toHaveLength(2);
    expect(org.invitations).toEqual([]);
    expect(org.seats).toBe(1);
    expect(org.events).toEqual([
      { type: 1523, memberEmail: 'ada@example.com' },
      { type: 1523, memberEmail: 'bob@example.com' },
    ]);
  });

  it.each([
    ['the flag is off', { stagedUsers: false }, false],
    ['the field is omitted', { stagedUsers: true }, undefined],
  ])('invites instead of staging when %s', async (_label, organization, invite) => {
    const server = await startServer(organization);

    await runImportRequest(server, {
      members: [{ email: 'ada@example.com', externalId: 'ada' }],
      ...(invite === undefined ? {} : { inviteUsersAfterProvisioning: invite }),
    });

    expect(server.organization(ORG_ID).members[1]?.status).toBe('invited');
  });

  it('skips a new entry whose email is already known, case-insensitively', async () => {
    const server = await startServer({
      members: [OWNER, member('ada@example.com', { externalId: 'old-ada' })],
    });

    expect(
      (
        await runImportRequest(server, {
          members: [{ email: 'ADA@example.com', externalId: 'new-ada' }],
        })
      ).status,
    ).toBe(200);

    const org = server.organization(ORG_ID);
    expect(org.members).toHaveLength(2);
    expect(org.members[1]?.externalId).toBe('old-ada');
    expect(org.invitations).toEqual([]);
  });

  it('refuses with "Seat limit has been reached." when autoscale would pass maxAutoscaleSeats', async () => {
    const server = await startServer({
      seats: 2,
      maxAutoscaleSeats: 2,
      members: [OWNER, member('a@x.io')],
    });

    const result = await runImportRequest(server, {
      members: [{ email: 'new@x.io', externalId: 'new' }],
    });

    expect(result).toEqual({ status: 400, text: error(ImportMessages.seatLimit) });
    expect(server.organization(ORG_ID).members).toHaveLength(2);
  });

  it('autoscales seats in the cloud when maxAutoscaleSeats allows it', async () => {
    const server = await startServer({ seats: 2, maxAutoscaleSeats: 5 });

    const result = await runImportRequest(server, {
      members: [
        { email: 'a@x.io', externalId: 'a' },
        { email: 'b@x.io', externalId: 'b' },
        { email: 'c@x.io', externalId: 'c' },
      ],
    });

    expect(result.status).toBe(200);
    expect(server.organization(ORG_ID).seats).toBe(4);
  });

  it('does not count revoked and staged members as occupied seats', async () => {
    const server = await startServer({
      seats: 2,
      maxAutoscaleSeats: 2,
      members: [
        OWNER,
        member('r@x.io', { status: 'revoked' }),
        member('s@x.io', { status: 'staged', hasMasterPassword: false }),
      ],
    });

    expect(
      (await runImportRequest(server, { members: [{ email: 'n@x.io', externalId: 'n' }] })).status,
    ).toBe(200);
  });

  it('keeps counting seats and known emails right from one import to the next', async () => {
    const server = await startServer({ seats: 3, maxAutoscaleSeats: 3 });
    const invite = (entries: { email: string; externalId: string; deleted?: boolean }[]) =>
      runImportRequest(server, { members: entries });

    const filled = await invite([
      { email: 'a@x.io', externalId: 'a' },
      { email: 'b@x.io', externalId: 'b' },
    ]);
    const full = await invite([{ email: 'c@x.io', externalId: 'c' }]);
    // Removing `a` in step 1 frees its seat for `c` in the same import.
    const swapped = await invite([
      { email: 'a@x.io', externalId: 'a', deleted: true },
      { email: 'c@x.io', externalId: 'c' },
    ]);
    // `a`'s email belongs to nobody now, so it is invited again, under a new externalId.
    const fullAgain = await invite([{ email: 'a@x.io', externalId: 'a2' }]);
    const backAgain = await invite([
      { email: 'b@x.io', externalId: 'b', deleted: true },
      { email: 'a@x.io', externalId: 'a2' },
    ]);

    expect([filled, full, swapped, fullAgain, backAgain].map((result) => result.status)).toEqual([
      200, 400, 200, 400, 200,
    ]);
    const org = server.organization(ORG_ID);
    expect(emails(org.members)).toEqual(['owner@example.com', 'c@x.io', 'a@x.io']);
    expect(org.members.find((entry) => entry.email === 'a@x.io')?.externalId).toBe('a2');
    expect(org.seats).toBe(3);
  });

  it('refuses to autoscale on a self-hosted server', async () => {
    const server = await startServer({ seats: 1, selfHosted: true });

    const result = await runImportRequest(server, {
      members: [{ email: 'a@x.io', externalId: 'a' }],
    });

    expect(result).toEqual({ status: 400, text: error(ImportMessages.selfHostedAutoscale) });
  });

  it('refuses to invite without a confirmed owner', async () => {
    const server = await startServer({
      members: [{ ...OWNER, status: 'invited', hasMasterPassword: false }],
    });

    const result = await runImportRequest(server, {
      members: [{ email: 'a@x.io', externalId: 'a' }],
    });

    expect(result).toEqual({ status: 400, text: error(ImportMessages.noConfirmedOwner) });
  });

  it('stages without a confirmed owner, since staging has no owner check', async () => {
    const server = await startServer({ stagedUsers: true, members: [] });

    const result = await runImportRequest(server, {
      members: [{ email: 'a@x.io', externalId: 'a' }],
      inviteUsersAfterProvisioning: false,
    });

    expect(result.status).toBe(200);
  });
});

describe('import: linking by email', () => {
  it('gives a member without externalId the imported one and changes nothing else', async () => {
    const server = await startServer({
      members: [OWNER, member('ada@example.com', { type: 'admin', status: 'revoked' })],
    });

    await runImportRequest(server, { members: [{ email: 'Ada@example.com', externalId: 'ada' }] });

    const org = server.organization(ORG_ID);
    expect(org.members[1]).toMatchObject({
      email: 'ada@example.com',
      externalId: 'ada',
      type: 'admin',
      status: 'revoked',
    });
    expect(org.members).toHaveLength(2);
    expect(org.events).toEqual([]);
  });

  it('leaves a member with a different externalId alone and skips the new entry', async () => {
    const server = await startServer({
      members: [OWNER, member('ada@example.com', { externalId: 'ldap-ada' })],
      groups: [],
    });

    await runImportRequest(server, {
      members: [{ email: 'ada@example.com', externalId: 'entra-ada' }],
      groups: [{ name: 'Eng', externalId: 'eng', memberExternalIds: ['entra-ada'] }],
    });

    const org = server.organization(ORG_ID);
    expect(org.members[1]?.externalId).toBe('ldap-ada');
    expect(org.members).toHaveLength(2);
    expect(org.groups[0]?.members).toEqual([]);
  });

  it('answers 500 when the imported externalId already belongs to another member', async () => {
    const server = await startServer({
      members: [OWNER, member('ada@example.com'), member('bob@example.com', { externalId: 'x' })],
    });

    const result = await runImportRequest(server, {
      members: [{ email: 'ada@example.com', externalId: 'x' }],
    });

    expect(result).toEqual({ status: 500, text: UNHANDLED });
  });
});

describe('import: deleted members', () => {
  it('removes by externalId, spares owners and ignores unknown ids', async () => {
    const server = await startServer({
      members: [
        { ...OWNER, externalId: 'boss' },
        member('ada@example.com', {
          externalId: 'ada',
          status: 'invited',
          hasMasterPassword: false,
        }),
        member('bob@example.com', { externalId: 'bob' }),
      ],
      groups: [{ name: 'Eng', externalId: 'eng', members: ['ada@example.com', 'bob@example.com'] }],
    });

    const result = await runImportRequest(server, {
      members: [
        { email: 'whatever@example.com', externalId: 'ada', deleted: true },
        { email: 'boss@example.com', externalId: 'boss', deleted: true },
        { email: 'ghost@example.com', externalId: 'ghost', deleted: true },
      ],
    });

    expect(result.status).toBe(200);
    const org = server.organization(ORG_ID);
    expect(emails(org.members)).toEqual(['owner@example.com', 'bob@example.com']);
    expect(org.groups[0]?.members).toEqual(['bob@example.com']);
    expect(org.events).toEqual([{ type: 1503, memberEmail: 'ada@example.com' }]);
  });

  it('keeps a member whose externalId is also listed as active', async () => {
    const server = await startServer({
      members: [OWNER, member('ada@example.com', { externalId: 'ada' })],
    });

    await runImportRequest(server, {
      members: [
        { email: 'ada@example.com', externalId: 'ada', deleted: true },
        { email: 'ada@example.com', externalId: 'ada' },
      ],
    });

    expect(server.organization(ORG_ID).members).toHaveLength(2);
  });
});

describe('import: overwriteExisting', () => {
  it('removes unlisted external non-owners, sparing owners and members without externalId', async () => {
    const server = await startServer({
      members: [
        { ...OWNER, externalId: 'boss' },
        member('manual@example.com'),
        member('ada@example.com', { externalId: 'ada', type: 'admin', status: 'revoked' }),
        member('bob@example.com', { externalId: 'bob' }),
      ],
    });

    const result = await runImportRequest(server, {
      members: [{ email: 'bob@example.com', externalId: 'bob' }],
      overwriteExisting: true,
    });

    expect(result.status).toBe(200);
    const org = server.organization(ORG_ID);
    expect(emails(org.members)).toEqual([
      'owner@example.com',
      'manual@example.com',
      'bob@example.com',
    ]);
    expect(org.events).toEqual([{ type: 1503, memberEmail: 'ada@example.com' }]);
  });

  it('refuses when a candidate lacks a master password, with step 1 already committed', async () => {
    const server = await startServer({
      members: [
        OWNER,
        member('gone@example.com', { externalId: 'gone' }),
        member('sso@example.com', { externalId: 'sso', hasMasterPassword: false }),
        member('keep@example.com', { externalId: 'keep' }),
      ],
    });

    const result = await runImportRequest(server, {
      members: [
        { email: 'keep@example.com', externalId: 'keep' },
        { email: 'gone@example.com', externalId: 'gone', deleted: true },
      ],
      overwriteExisting: true,
    });

    expect(result).toEqual({ status: 400, text: error(ImportMessages.overwriteGuard) });
    expect(emails(server.organization(ORG_ID).members)).toEqual([
      'owner@example.com',
      'sso@example.com',
      'keep@example.com',
    ]);
  });

  it('treats invited members as having no master password', async () => {
    const server = await startServer({
      members: [
        OWNER,
        member('inv@example.com', {
          externalId: 'inv',
          status: 'invited',
          hasMasterPassword: false,
        }),
      ],
    });

    const result = await runImportRequest(server, { members: [], overwriteExisting: true });

    expect(result).toEqual({ status: 400, text: error(ImportMessages.overwriteGuard) });
  });

  it('re-invites a member whose externalId changed ("Remove and re-add")', async () => {
    const server = await startServer({
      members: [OWNER, member('ada@example.com', { externalId: 'old' })],
    });

    await runImportRequest(server, {
      members: [{ email: 'ada@example.com', externalId: 'new' }],
      overwriteExisting: true,
    });

    const org = server.organization(ORG_ID);
    expect(org.members[1]).toMatchObject({ externalId: 'new', status: 'invited' });
    expect(org.events.map((event) => event.type)).toEqual([1503, 1500]);
  });
});

describe('import: groups', () => {
  const seedGroups = {
    members: [
      OWNER,
      member('ada@example.com', { externalId: 'ada' }),
      member('bob@example.com', { externalId: 'bob' }),
      member('hand@example.com'),
    ],
    groups: [
      { name: 'Engineering', externalId: 'eng', members: ['ada@example.com', 'hand@example.com'] },
      { name: 'Untouched', externalId: 'other', members: ['bob@example.com'] },
      { name: 'Manual', externalId: null, members: ['hand@example.com'] },
    ],
  };

  it('creates new groups with known members and ignores unknown ids', async () => {
    const server = await startServer(seedGroups);

    await runImportRequest(server, {
      groups: [{ name: 'Sales', externalId: 'sales', memberExternalIds: ['bob', 'nobody'] }],
    });

    const org = server.organization(ORG_ID);
    expect(org.groups[3]).toMatchObject({
      name: 'Sales',
      externalId: 'sales',
      members: ['bob@example.com'],
    });
    expect(org.events).toEqual([{ type: 1400, groupExternalId: 'sales' }]);
  });

  it('leaves out of a group a member the same import removed', async () => {
    const server = await startServer(seedGroups);

    await runImportRequest(server, {
      members: [{ email: 'bob@example.com', externalId: 'bob', deleted: true }],
      groups: [{ name: 'Sales', externalId: 'sales', memberExternalIds: ['bob', 'ada'] }],
    });

    const org = server.organization(ORG_ID);
    expect(emails(org.members)).not.toContain('bob@example.com');
    expect(org.groups[3]).toMatchObject({ externalId: 'sales', members: ['ada@example.com'] });
  });

  it('renames and replaces membership, removing hand-added members; absent groups untouched even with overwrite', async () => {
    const server = await startServer(seedGroups);

    const result = await runImportRequest(server, {
      members: [
        { email: 'ada@example.com', externalId: 'ada' },
        { email: 'bob@example.com', externalId: 'bob' },
      ],
      groups: [{ name: 'Eng', externalId: 'eng', memberExternalIds: ['bob'] }],
      overwriteExisting: true,
    });

    expect(result.status).toBe(200);
    const org = server.organization(ORG_ID);
    expect(org.groups[0]).toMatchObject({
      name: 'Eng',
      externalId: 'eng',
      members: ['bob@example.com'],
    });
    expect(org.groups[1]).toMatchObject({ name: 'Untouched', members: ['bob@example.com'] });
    expect(org.groups[2]).toMatchObject({ name: 'Manual', members: ['hand@example.com'] });
    expect(org.groups).toHaveLength(3);
    expect(org.events).toEqual([{ type: 1401, groupExternalId: 'eng' }]);
  });

  it('puts newly invited members into groups in the same import', async () => {
    const server = await startServer();

    await runImportRequest(server, {
      members: [{ email: 'new@example.com', externalId: 'new' }],
      groups: [{ name: 'G', externalId: 'g', memberExternalIds: ['new'] }],
    });

    expect(server.organization(ORG_ID).groups[0]?.members).toEqual(['new@example.com']);
  });

  it('refuses groups when the plan has none, after committing the members', async () => {
    const server = await startServer({ useGroups: false });

    const result = await runImportRequest(server, {
      members: [{ email: 'new@example.com', externalId: 'new' }],
      groups: [{ name: 'G', externalId: 'g', memberExternalIds: [] }],
    });

    expect(result).toEqual({ status: 400, text: error(ImportMessages.noGroups) });
    expect(emails(server.organization(ORG_ID).members)).toContain('new@example.com');
  });

  it('answers 500 for duplicate group externalIds in the request', async () => {
    const server = await startServer();

    const result = await runImportRequest(server, {
      groups: [
        { name: 'A', externalId: 'g', memberExternalIds: [] },
        { name: 'B', externalId: 'g', memberExternalIds: [] },
      ],
    });

    expect(result).toEqual({ status: 500, text: UNHANDLED });
  });
});

describe('import: pre-checks', () => {
  const active = (count: number): { email: string; externalId: string }[] =>
    Array.from({ length: count }, (_, index) => ({
      email: `u${index}@example.com`,
      externalId: `u${index}`,
    }));

  it('refuses 2001 active members in cloud mode', async () => {
    const server = await startServer();

    const result = await runImportRequest(server, { members: active(2001) });

    expect(result).toEqual({ status: 400, text: error(ImportMessages.tooMuchData) });
  });

  it('refuses 2001 groups in cloud mode', async () => {
    const server = await startServer();
    const groups = Array.from({ length: 2001 }, (_, index) => ({
      name: `g${index}`,
      externalId: `g${index}`,
      memberExternalIds: [],
    }));

    expect((await runImportRequest(server, { groups })).status).toBe(400);
  });

  it.each([
    ['exactly 2000 active members', {}, { members: active(2000) }],
    [
      'deleted members beyond 2000',
      {},
      { members: [...active(2000), { email: 'd@example.com', externalId: 'd', deleted: true }] },
    ],
    ['largeImport', {}, { members: active(2001), largeImport: true }],
    ['a self-hosted server', { selfHosted: true }, { members: active(2001) }],
  ])('allows %s', async (_label, organization, body) => {
    const server = await startServer(organization);

    expect((await runImportRequest(server, body)).status).toBe(200);
  });

  it('refuses an org without directory sync', async () => {
    const server = await startServer({ useDirectory: false });

    expect(await runImportRequest(server, {})).toEqual({
      status: 400,
      text: error(ImportMessages.noDirectory),
    });
  });

  it('answers 500 for duplicate active emails, after steps 1 and 2 are committed', async () => {
    const server = await startServer({
      members: [OWNER, member('gone@example.com', { externalId: 'gone' })],
    });

    const result = await runImportRequest(server, {
      members: [
        { email: 'a@example.com', externalId: 'a1' },
        { email: 'A@example.com', externalId: 'a2' },
        { email: 'gone@example.com', externalId: 'gone', deleted: true },
      ],
    });

    expect(result).toEqual({ status: 500, text: UNHANDLED });
    expect(emails(server.organization(ORG_ID).members)).toEqual(['owner@example.com']);
  });
});

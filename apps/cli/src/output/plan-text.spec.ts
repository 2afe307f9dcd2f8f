import type { ExistingMember, OrganizationPlan, PlanReport, PlannedRemoval } from '@bwdc/core';

import { outputOptions } from './output-options';
import { renderResponse } from './render-response';
import type { CliResponse, PlanData } from './response';

const member = (email: string, externalId: string | null): ExistingMember => ({
  memberId: `id-${email}`,
  email,
  externalId,
  type: 'user',
  status: 'confirmed',
});
const removal = (index: number): PlannedRemoval => ({
  ...member(`gone${index}@example.com`, `E${index}`),
  reason: 'unlisted',
});

const ORGANIZATION: OrganizationPlan = {
  members: {
    added: [{ externalId: 'E1', email: 'alice@example.com' }],
    addedAs: 'invited-or-staged',
    linked: [{ ...member('dave@example.com', null), linkedExternalId: 'E4' }],
    removed: [{ ...member('frank@example.com', 'E9'), reason: 'deleted' }],
    skipped: [
      {
        externalId: 'E3',
        email: 'carol@example.com',
        existing: member('carol@example.com', 'OLD-CAROL'),
      },
    ],
    unchanged: 7,
  },
  groups: {
    created: [
      {
        externalId: 'g-sales',
        name: 'Sales',
        groupId: null,
        renamedFrom: null,
        membersAdded: [{ externalId: 'E1', email: 'alice@example.com' }],
        membersRemoved: [],
      },
    ],
    updated: [
      {
        externalId: 'g-eng',
        name: 'Platform Engineering',
        groupId: 'group-1',
        renamedFrom: 'Engineering',
        membersAdded: [],
        membersRemoved: [{ externalId: null, email: 'hand@example.com' }],
      },
    ],
    unchanged: 4,
  },
  seats: { members: 11, newlyOccupied: 1 },
  overwriteUnknowns: [],
  refusal: null,
};

const REPORT: PlanReport = {
  mode: 'full',
  outcome: 'send',
  counts: {
    users: 6,
    enabledUsers: 5,
    disabledUsers: 0,
    deletedUsers: 1,
    sentAsDeleted: 1,
    groups: 2,
    memberships: 2,
    droppedUsers: 0,
    requests: 1,
  },
  dropped: [],
  notices: [],
  organization: ORGANIZATION,
  guard: {
    removals: 1,
    limit: 10,
    organizationMembers: 11,
    tooManyRemovals: false,
    emptyReadAfter: null,
  },
};

const planResponse = (report: PlanReport): CliResponse => ({
  success: true,
  data: { object: 'plan', ...report } satisfies PlanData,
});
const render = (report: PlanReport, flags: { response?: boolean } = {}) =>
  renderResponse(planResponse(report), outputOptions(flags, {}), {
    platform: 'linux',
    color: false,
  });

describe('bwdc plan output', () => {
  it('counts every kind of change in the summary table', () => {
    const { stdout, exitCode } = render(REPORT);

    expect(exitCode).toBe(0);
    expect(stdout).toContain('Nothing was sent.');
    expect(stdout).toContain('The sync would read the whole directory and send 6 user(s)');
    expect(stdout).toMatch(/to add \(invited or staged\) +1\n/);
    expect(stdout).toMatch(/linked by email +1\n/);
    expect(stdout).toMatch(/removed +1 +\(deleted 1, disabled 0, unlisted 0\)\n/);
    expect(stdout).toMatch(/skipped +1 +\(email already known under another externalId\)\n/);
    expect(stdout).toMatch(/ unchanged +7\n/);
    expect(stdout).toMatch(/new seats occupied +1 +\(the organization has 11 members\)\n/);
    expect(stdout).toMatch(/created +1\n {2}renamed +1\n {2}membership changes +2\n/);
  });

  it('lists who is removed, skipped (with the fix), linked and added, and each group change', () => {
    const { stdout } = render(REPORT);

    expect(stdout).toContain('\nRemoved (1)\n  frank@example.com  E9  (deleted)\n');
    expect(stdout).toContain(
      "Fix: give the existing member the directory's externalId, or remove that member.\n" +
        '  carol@example.com  E3  (the member has externalId OLD-CAROL)\n',
    );
    expect(stdout).toContain('\nLinked by email (1)\n  dave@example.com  -> E4\n');
    expect(stdout).toContain('\nAdded (1, invited or staged)\n  alice@example.com  E1\n');
    expect(stdout).toContain(
      '\nGroup changes (2)\n' +
        '  Sales (new)\n    + alice@example.com\n' +
        '  Platform Engineering (renamed from "Engineering")\n    - hand@example.com\n',
    );
    expect(stdout).toContain(
      'Deletion guard: 1 removal(s), within the limit of 10 for 11 members.',
    );
    expect(stdout).not.toContain('REFUSED');
  });

  it('says the deletion guard would refuse, and how to apply anyway', () => {
    const removed = Array.from({ length: 30 }, (_, index) => removal(index + 1));
    const { stdout } = render({
      ...REPORT,
      organization: { ...ORGANIZATION, members: { ...ORGANIZATION.members, removed } },
      guard: { ...REPORT.guard, removals: 30, tooManyRemovals: true },
    });

    expect(stdout).toContain(
      'Deletion guard: 30 removal(s), more than the limit of 10 for 11 members: the sync would ' +
        'be REFUSED by the deletion guard; run bwdc sync --force to apply.',
    );
    expect(stdout).toMatch(/removed +30 +\(deleted 0, disabled 0, unlisted 30\)/);
  });

  it('says the empty-read guard would refuse, and that a guard that is off is off', () => {
    const { stdout } = render({
      ...REPORT,
      guard: { ...REPORT.guard, limit: null, emptyReadAfter: 100 },
    });

    expect(stdout).toContain(
      'Empty-read guard: the directory returned no users, where the last sync had 100: the ' +
        'sync would be REFUSED; run bwdc sync --force to apply.',
    );
    expect(stdout).toContain('Deletion guard: off');
  });

  it('caps a long list at 50 for a person, while --response carries every entry', () => {
    const removed = Array.from({ length: 120 }, (_, index) => removal(index + 1));
    const report: PlanReport = {
      ...REPORT,
      organization: { ...ORGANIZATION, members: { ...ORGANIZATION.members, removed } },
    };

    const text = render(report).stdout;
    const json = JSON.parse(render(report, { response: true }).stdout) as {
      success: boolean;
      data: PlanData;
    };

    expect(text).toContain('  gone50@example.com  E50  (unlisted)\n');
    expect(text).not.toContain('gone51@example.com');
    expect(text).toContain('  and 70 more (bwdc --response plan lists them all)\n');
    expect(json.success).toBe(true);
    expect(json.data.object).toBe('plan');
    expect(json.data.organization.members.removed.map((entry) => entry.email)).toEqual(
      removed.map((entry) => entry.email),
    );
    expect(json.data.guard).toEqual(REPORT.guard);
  });

  it('warns of the refusal the server is expected to make and of overwrite’s unknowns', () => {
    const invited: ExistingMember = { ...member('ivy@example.com', 'E7'), status: 'invited' };
    const { stdout } = render({
      ...REPORT,
      organization: {
        ...ORGANIZATION,
        overwriteUnknowns: [member('sso@example.com', 'E8')],
        refusal: {
          code: 'OVERWRITE_MEMBERS_WITHOUT_MASTER_PASSWORD',
          message: 'Overwrite would remove members without a master password.',
          members: [invited],
        },
      },
    });

    expect(stdout).toContain(
      'The server is expected to refuse this sync (OVERWRITE_MEMBERS_WITHOUT_MASTER_PASSWORD): ' +
        'Overwrite would remove members without a master password.\n' +
        '  ivy@example.com  E7  (user, invited)\n',
    );
    expect(stdout).toContain('Warning: overwrite would remove 1 accepted or confirmed member(s).');
    expect(stdout).toContain('  sso@example.com  E8  (user, confirmed)\n');
  });

  it('says an unchanged sync would send nothing', () => {
    const { stdout } = render({ ...REPORT, mode: 'delta', outcome: 'unchanged' });

    expect(stdout).toContain(
      'The sync would read what changed since the last sync: unchanged since the last sync, ' +
        'it would send nothing.',
    );
  });
});

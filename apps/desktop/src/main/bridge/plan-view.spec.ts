import type { ExistingMember, OrganizationPlan, PlanReport } from '@bwdc/core';

import { aSyncReport } from '../scheduler/testing/sync-reports';
import { planViewOf } from './plan-view';

const existing = (email: string, externalId: string | null): ExistingMember => ({
  memberId: `member-${email}`,
  email,
  externalId,
  type: 'user',
  status: 'confirmed',
});

function aPlanReport(organization: Partial<OrganizationPlan> = {}): PlanReport {
  const { counts, dropped, notices } = aSyncReport(3, 2);
  return {
    mode: 'full',
    outcome: 'send',
    counts,
    dropped,
    notices,
    organization: {
      members: {
        added: [{ externalId: 'uid=alice', email: 'alice@example.com' }],
        addedAs: 'invited-or-staged',
        linked: [{ ...existing('bob@example.com', null), linkedExternalId: 'uid=bob' }],
        removed: [
          { ...existing('dave@example.com', 'uid=dave'), reason: 'deleted' },
          { ...existing('erin@example.com', 'uid=erin'), reason: 'unlisted' },
        ],
        skipped: [
          {
            externalId: 'uid=frank',
            email: 'frank@example.com',
            existing: existing('frank@example.com', 'old-7'),
          },
        ],
        unchanged: 4,
      },
      groups: {
        created: [
          {
            externalId: 'g-eng',
            name: 'Engineering',
            groupId: null,
            renamedFrom: null,
            membersAdded: [
              { externalId: 'uid=alice', email: 'alice@example.com' },
              { externalId: 'uid=ghost', email: '' },
            ],
            membersRemoved: [],
          },
        ],
        updated: [
          {
            externalId: 'g-ops',
            name: 'Operations',
            groupId: 'group-1',
            renamedFrom: 'Ops',
            membersAdded: [],
            membersRemoved: [{ externalId: null, email: 'byhand@example.com' }],
          },
        ],
        unchanged: 1,
      },
      seats: { members: 9, newlyOccupied: 1 },
      overwriteUnknowns: [existing('sso@example.com', 'uid=sso')],
      refusal: {
        code: 'OVERWRITE_MEMBERS_WITHOUT_MASTER_PASSWORD',
        message: 'The server refuses to remove invited members.',
        members: [existing('invited@example.com', 'uid=inv')],
      },
      ...organization,
    },
    guard: {
      removals: 2,
      limit: 10,
      organizationMembers: 9,
      tooManyRemovals: false,
      emptyReadAfter: null,
    },
  };
}

describe('planViewOf', () => {
  it('lists the members the sync adds, links, removes (with why) and skips, by email', () => {
    const view = planViewOf(aPlanReport());

    expect(view.members).toEqual({
      addedAs: 'invited-or-staged',
      added: [{ email: 'alice@example.com', externalId: 'uid=alice' }],
      linked: [{ email: 'bob@example.com', externalId: 'uid=bob' }],
      removed: [
        { email: 'dave@example.com', externalId: 'uid=dave', reason: 'deleted' },
        { email: 'erin@example.com', externalId: 'uid=erin', reason: 'unlisted' },
      ],
      skipped: [
        { email: 'frank@example.com', externalId: 'uid=frank', existingExternalId: 'old-7' },
      ],
      unchanged: 4,
    });
  });

  it('lists group changes with members by email, an unknown one by its id', () => {
    const view = planViewOf(aPlanReport());

    expect(view.groups).toEqual({
      created: [
        {
          externalId: 'g-eng',
          name: 'Engineering',
          renamedFrom: null,
          membersAdded: ['alice@example.com', 'uid=ghost'],
          membersRemoved: [],
        },
      ],
      updated: [
        {
          externalId: 'g-ops',
          name: 'Operations',
          renamedFrom: 'Ops',
          membersAdded: [],
          membersRemoved: ['byhand@example.com'],
        },
      ],
      unchanged: 1,
    });
  });

  it('carries the seats, the guard verdict, the expected refusal and the overwrite unknowns', () => {
    const view = planViewOf(aPlanReport());

    expect(view).toMatchObject({
      mode: 'full',
      outcome: 'send',
      seats: { members: 9, newlyOccupied: 1 },
      guard: { removals: 2, limit: 10, organizationMembers: 9, tooManyRemovals: false },
      refusal: {
        message: 'The server refuses to remove invited members.',
        members: ['invited@example.com'],
      },
      overwriteUnknowns: ['sso@example.com'],
    });
  });

  it('keeps the member ids, types and statuses of the organization in main', () => {
    const text = JSON.stringify(planViewOf(aPlanReport()));

    expect(text).not.toContain('member-');
    expect(text).not.toContain('confirmed');
    expect(text).not.toContain('group-1');
  });

  it('survives the trip to the renderer as it is (plain data)', () => {
    const view = planViewOf(aPlanReport({ refusal: null }));

    expect(structuredClone(view)).toEqual(view);
    expect(view.refusal).toBeNull();
  });
});

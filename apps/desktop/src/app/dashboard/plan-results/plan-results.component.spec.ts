import { type ComponentFixture, TestBed } from '@angular/core/testing';

import type { PlanView } from '../../../shared/plan-view';
import { provideTestDisplayFormat } from '../../testing/display-format';
import { click, fillIn, textOf } from '../../testing/dom';
import { member, planView } from '../../testing/plan-view';
import { PLAN_PAGE_SIZE, PlanResultsComponent } from './plan-results.component';

describe('PlanResultsComponent', () => {
  let fixture: ComponentFixture<PlanResultsComponent>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideTestDisplayFormat()] });
    fixture = TestBed.createComponent(PlanResultsComponent);
    await fixture.whenStable();
  });

  async function show(view: PlanView | null): Promise<void> {
    fixture.componentRef.setInput('view', view);
    await fixture.whenStable();
  }

  const texts = (selector: string): string[] =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll(selector), (element) =>
      (element.textContent ?? '').trim().replace(/\s+/g, ' '),
    );

  const ALICE = member('alice');
  const BOB = member('bob');

  const VIEW = planView({
    added: [ALICE, BOB],
    addedAs: 'invited-or-staged',
    linked: [{ email: 'carol@example.com', externalId: 'uid=carol' }],
    removed: [
      { email: 'dave@example.com', externalId: 'uid=dave', reason: 'deleted' },
      { email: 'erin@example.com', externalId: 'uid=erin', reason: 'unlisted' },
    ],
    skipped: [{ email: 'frank@example.com', externalId: 'uid=frank', existingExternalId: 'old-7' }],
    unchanged: 30,
    groups: {
      created: [
        {
          externalId: 'g-eng',
          name: 'Engineering',
          renamedFrom: null,
          membersAdded: ['alice@example.com', 'bob@example.com'],
          membersRemoved: [],
        },
      ],
      updated: [
        {
          externalId: 'g-ops',
          name: 'Operations',
          renamedFrom: 'Ops',
          membersAdded: ['carol@example.com'],
          membersRemoved: ['dave@example.com'],
        },
      ],
      unchanged: 3,
    },
    guard: { removals: 2, limit: 10, organizationMembers: 35 },
  });

  it('shows nothing before a preview', () => {
    expect(textOf(fixture, '.plan-summary')).toBeNull();
  });

  it('sums up what the sync does to members, seats and groups', async () => {
    await show(VIEW);

    expect(texts('.plan-summary dd')).toEqual([
      '2 to add (invited or staged), 1 linked by email, 2 removed, 1 skipped, 30 unchanged',
      '2 newly occupied (the organization has 1 member now)',
      '1 created, 1 changed, 3 unchanged',
    ]);
    expect(textOf(fixture, '.plan-outcome')).toBeNull();
  });

  it('counts each list and shows the members to add first', async () => {
    await show(VIEW);

    expect(texts('[role="tab"]')).toEqual([
      'To add (2)',
      'To link by email (1)',
      'To remove (2)',
      'Skipped (1)',
      'Group changes (2)',
    ]);
    expect(texts('.plan-member .email')).toEqual(['alice@example.com', 'bob@example.com']);
    expect(textOf(fixture, '.shown')).toBe('2 of 2 shown');
  });

  it('says why each member would be removed', async () => {
    await show(VIEW);

    await click(fixture, '.section-removed');

    expect(texts('.plan-member .email')).toEqual(['dave@example.com', 'erin@example.com']);
    expect(texts('.plan-member .detail')).toEqual([
      'Deleted in the directory',
      'No longer in the directory, or outside the filters (overwrite is on)',
    ]);
  });

  it('explains the skipped trap and its fix, with the ids that clash', async () => {
    await show(VIEW);
    expect(textOf(fixture, '.skipped-explanation')).toBeNull();

    await click(fixture, '.section-skipped');

    expect(textOf(fixture, '.skipped-explanation')).toMatch(
      /^Bitwarden ignores these entries because their email already belongs to a member with another external id.*remove that member from the organization.*the next sync links the entry\.$/,
    );
    expect(texts('.plan-member .email')).toEqual(['frank@example.com']);
    expect(texts('.plan-member .detail')).toEqual([
      "directory id uid=frank; the member's is old-7",
    ]);
  });

  it('lists group changes with the members each gains and loses', async () => {
    await show(VIEW);
    await click(fixture, '.section-groups');

    expect(texts('.group-name')).toEqual(['Engineering', 'Operations']);
    expect(texts('.group-change')).toEqual(['new', 'renamed from Ops']);
    expect(texts('.group-delta')).toEqual(['+2 −0', '+1 −1']);

    await click(fixture, '.plan-group:nth-child(2) .toggle-group');
    expect(texts('.added-member')).toEqual(['+ carol@example.com']);
    expect(texts('.removed-member')).toEqual(['− dave@example.com']);
  });

  it('searches the list shown by email or id', async () => {
    await show(VIEW);

    await fillIn(fixture, '.search', 'BOB@');
    expect(texts('.plan-member .email')).toEqual(['bob@example.com']);

    await fillIn(fixture, '.search', 'nobody');
    expect(textOf(fixture, '.empty')).toBe('Nothing matches the search.');
  });

  it('renders a page at a time, and Show more adds the next', async () => {
    const many = Array.from({ length: 450 }, (_, i) => member(`user${i}`));
    await show(planView({ added: many }));

    expect(texts('.plan-member')).toHaveLength(PLAN_PAGE_SIZE);
    expect(textOf(fixture, '.shown')).toBe(`${PLAN_PAGE_SIZE} of 450 shown`);

    await click(fixture, '.show-more');
    expect(texts('.plan-member')).toHaveLength(2 * PLAN_PAGE_SIZE);
  });

  describe('the deletion guard', () => {
    it('says the sync removes no members', async () => {
      await show(planView({ added: [ALICE] }));

      expect(textOf(fixture, '.guard-verdict')).toBe('The sync removes no members.');
      expect(textOf(fixture, '.guard-verdict.refused')).toBeNull();
    });

    it('says removals within the limit go through', async () => {
      await show(VIEW);

      expect(textOf(fixture, '.guard-verdict')).toBe(
        "The sync removes 2 members, within the deletion guard's limit of 10.",
      );
    });

    it('says the sync would be refused when removals exceed the limit', async () => {
      await show(
        planView({
          removed: Array.from({ length: 12 }, (_, i) => ({
            ...member(`gone${i}`),
            reason: 'unlisted' as const,
          })),
          guard: { limit: 10, organizationMembers: 40, tooManyRemovals: true },
        }),
      );

      expect(textOf(fixture, '.guard-verdict.refused')).toBe(
        'Sync would be refused: it removes 12 members of 40, more than the deletion guard allows (10).',
      );
      expect(textOf(fixture, '.section-removed')).toBe('To remove (12)');
    });

    it('says the sync would be refused after an empty read', async () => {
      await show(planView({ guard: { emptyReadAfter: 20 } }));

      expect(textOf(fixture, '.guard-verdict.refused')).toBe(
        'Sync would be refused: the directory returned no users, where the last sync had 20.',
      );
    });

    it('says when the guard is off', async () => {
      await show(
        planView({
          removed: [{ ...member('gone'), reason: 'disabled' }],
          guard: { limit: null },
        }),
      );

      expect(textOf(fixture, '.guard-verdict')).toBe(
        'The sync removes 1 member; the deletion guard is off.',
      );
    });
  });

  it('warns of a refusal the server is expected to make, and of overwrite unknowns', async () => {
    await show(
      planView({
        refusal: {
          message: 'Overwrite would remove invited members, which the server refuses.',
          members: ['invitee@example.com'],
        },
        overwriteUnknowns: ['sso-user@example.com'],
      }),
    );

    expect(textOf(fixture, '.plan-refusal p')).toBe(
      'The Bitwarden server is expected to refuse this sync: Overwrite would remove invited members, which the server refuses.',
    );
    expect(texts('.refusal-member')).toEqual(['invitee@example.com']);
    expect(textOf(fixture, '.plan-unknowns p')).toMatch(
      /^Overwrite removes 1 accepted or confirmed members\. If any of them has no master password/,
    );
    expect(texts('.unknown-member')).toEqual(['sso-user@example.com']);
  });

  it('says when the next sync would send nothing', async () => {
    await show(planView({ outcome: 'unchanged' }));

    expect(textOf(fixture, '.plan-outcome')).toBe(
      'Nothing changed in the directory since the last sync: the next sync sends nothing.',
    );
  });
});

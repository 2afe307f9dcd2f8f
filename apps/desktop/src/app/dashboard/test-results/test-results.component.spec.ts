import { type ComponentFixture, TestBed } from '@angular/core/testing';

import type { TestView, UserView } from '../../../shared/connector-bridge';
import { provideTestDisplayFormat } from '../../testing/display-format';
import { click, fillIn, find, textOf } from '../../testing/dom';
import { testView, user } from '../../testing/test-view';
import { PAGE_SIZE, TestResultsComponent } from './test-results.component';

describe('TestResultsComponent', () => {
  let fixture: ComponentFixture<TestResultsComponent>;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideTestDisplayFormat()] });
    fixture = TestBed.createComponent(TestResultsComponent);
    await fixture.whenStable();
  });

  async function show(view: TestView | null): Promise<void> {
    fixture.componentRef.setInput('view', view);
    await fixture.whenStable();
  }

  const texts = (selector: string): string[] =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll(selector), (element) =>
      (element.textContent ?? '').trim().replace(/\s+/g, ' '),
    );

  const emails = (): string[] => texts('.user .email');

  const ALICE = user('alice', 'alice@example.com', 'CN=Alice');
  const BOB = user('bob', 'Bob@Example.com', 'CN=Bob');
  const CAROL = user('carol', 'carol@example.com', 'CN=Carol Admin');
  const DAVE = user('dave', 'dave@example.com', 'CN=Dave');
  const ERIN = user('erin', 'erin@example.com', 'CN=Erin');

  const VIEW = testView({
    enabledUsers: [ALICE, BOB, CAROL],
    disabledUsers: [DAVE],
    deletedUsers: [ERIN],
    groups: [
      { externalId: 'g-eng', name: 'Engineering', memberExternalIds: ['alice', 'dave', 'ghost'] },
      { externalId: 'g-ops', name: 'Operations', memberExternalIds: ['bob'] },
    ],
  });

  it('shows nothing before a test', () => {
    expect(textOf(fixture, '[role="tablist"]')).toBeNull();
  });

  it('counts each section and lists the enabled users first', async () => {
    await show(VIEW);

    expect(texts('[role="tab"]')).toEqual([
      'Enabled users (3)',
      'Disabled users (1)',
      'Deleted users (1)',
      'Groups (2)',
    ]);
    expect(emails()).toEqual(['alice@example.com', 'Bob@Example.com', 'carol@example.com']);
    expect(texts('.user .reference-id')).toEqual(['CN=Alice', 'CN=Bob', 'CN=Carol Admin']);
    expect(textOf(fixture, '.shown')).toBe('3 of 3 shown');
  });

  it('lists the section chosen', async () => {
    await show(VIEW);

    await click(fixture, '.section-disabled');
    expect(emails()).toEqual(['dave@example.com']);
    expect(find(fixture, '.section-disabled').getAttribute('aria-selected')).toBe('true');
    expect(find(fixture, '.section-enabled').getAttribute('aria-selected')).toBe('false');

    await click(fixture, '.section-deleted');
    expect(emails()).toEqual(['erin@example.com']);

    await click(fixture, '.section-groups');
    expect(texts('.group-name')).toEqual(['Engineering', 'Operations']);
    expect(texts('.member-count')).toEqual(['3', '1']);
  });

  describe('search', () => {
    it('filters users by email or reference id, whatever the case', async () => {
      await show(VIEW);

      await fillIn(fixture, '.search', 'EXAMPLE.COM');
      expect(emails()).toEqual(['alice@example.com', 'Bob@Example.com', 'carol@example.com']);

      await fillIn(fixture, '.search', 'bob@');
      expect(emails()).toEqual(['Bob@Example.com']);
      expect(textOf(fixture, '.shown')).toBe('1 of 1 shown');

      await fillIn(fixture, '.search', ' admin ');
      expect(emails()).toEqual(['carol@example.com']);
    });

    it('filters groups by name or member email', async () => {
      await show(VIEW);
      await click(fixture, '.section-groups');

      await fillIn(fixture, '.search', 'oper');
      expect(texts('.group-name')).toEqual(['Operations']);

      await fillIn(fixture, '.search', 'DAVE@');
      expect(texts('.group-name')).toEqual(['Engineering']);
    });

    it('keeps the search across sections', async () => {
      await show(VIEW);
      await fillIn(fixture, '.search', 'dave');
      expect(textOf(fixture, '.empty')).toBe('Nothing matches the search.');

      await click(fixture, '.section-disabled');
      expect(emails()).toEqual(['dave@example.com']);
    });
  });

  it('expands a group to its members by email, unknown ids as the id', async () => {
    await show(VIEW);
    await click(fixture, '.section-groups');
    expect(texts('.member')).toEqual([]);

    const engineering = '.group:first-child .toggle-group';
    expect(find(fixture, engineering).getAttribute('aria-expanded')).toBe('false');
    await click(fixture, engineering);

    expect(find(fixture, engineering).getAttribute('aria-expanded')).toBe('true');
    expect(texts('.member')).toEqual(['alice@example.com', 'dave@example.com', 'ghost']);

    await click(fixture, engineering);
    expect(texts('.member')).toEqual([]);
  });

  describe('thousands', () => {
    const many = (n: number): UserView[] =>
      Array.from({ length: n }, (_, i) => user(`u${i}`, `user${i}@example.com`, `CN=User ${i}`));

    it('renders a page at a time, and Show more adds the next', async () => {
      await show(testView({ enabledUsers: many(5000) }));

      expect(textOf(fixture, '.section-enabled')).toBe('Enabled users (5,000)');
      expect(texts('.user')).toHaveLength(PAGE_SIZE);
      expect(emails()[0]).toBe('user0@example.com');
      expect(textOf(fixture, '.shown')).toBe(`${PAGE_SIZE} of 5,000 shown`);

      await click(fixture, '.show-more');

      expect(texts('.user')).toHaveLength(2 * PAGE_SIZE);
      expect(emails()[2 * PAGE_SIZE - 1]).toBe(`user${2 * PAGE_SIZE - 1}@example.com`);
      expect(textOf(fixture, '.shown')).toBe(`${2 * PAGE_SIZE} of 5,000 shown`);
    });

    it('pages the search results, and starts again at one page when the search changes', async () => {
      await show(testView({ enabledUsers: many(5000) }));
      await click(fixture, '.show-more');

      // user1@, user10@..user19@, user100@..user199@, user1000@..user1999@
      await fillIn(fixture, '.search', 'user1');
      expect(texts('.user')).toHaveLength(PAGE_SIZE);
      expect(textOf(fixture, '.shown')).toBe(`${PAGE_SIZE} of 1,111 shown`);
    });

    it('offers no Show more once every row is shown', async () => {
      await show(testView({ enabledUsers: many(PAGE_SIZE + 1) }));
      await click(fixture, '.show-more');

      expect(texts('.user')).toHaveLength(PAGE_SIZE + 1);
      expect(textOf(fixture, '.show-more')).toBeNull();
    });
  });

  it('lists what the sync would leave out, with the reasons', async () => {
    await show(
      testView({
        enabledUsers: [ALICE],
        dropped: [
          { externalId: 'x', referenceId: 'CN=No Mail', email: null, reason: 'missing-email' },
          {
            externalId: 'y',
            referenceId: 'CN=Copy',
            email: 'alice@example.com',
            reason: 'identical-duplicate',
          },
        ],
        notices: [
          {
            kind: 'member-out-of-scope',
            group: 'Engineering',
            member: 'CN=Printer,OU=Devices',
            reason: 'excluded-by-filter',
          },
          { kind: 'deleted-users-unavailable', detail: 'Insufficient access rights.' },
          { kind: 'users-skipped', reason: 'guest', count: 12 },
        ],
      }),
    );

    expect(textOf(fixture, '.left-out h2')).toBe('Left out (5)');
    expect(texts('.left-out-item .what')).toEqual([
      'CN=No Mail',
      'alice@example.com (CN=Copy)',
      'CN=Printer,OU=Devices in group Engineering',
      'Deleted users',
      '12 users',
    ]);
    expect(texts('.left-out-item .why')).toEqual([
      'No email: Bitwarden links members by email.',
      'An exact copy of another entry, sent once.',
      'Not a synced group, and excluded by the user object class or filter.',
      "The directory's deleted users could not be read, so members deleted there are not removed from the organization: Insufficient access rights.",
      'Guests of the tenant, left out as upstream leaves them out.',
    ]);
  });

  it('has no Left out section when nothing is left out', async () => {
    await show(VIEW);

    expect(textOf(fixture, '.left-out')).toBeNull();
  });

  it('says when a section has nothing to list', async () => {
    await show(testView({}));

    expect(textOf(fixture, '.empty')).toBe('No users to list.');
    expect(textOf(fixture, '.shown')).toBeNull();

    await click(fixture, '.section-deleted');
    expect(textOf(fixture, '.empty')).toBe('No users to list.');

    await click(fixture, '.section-groups');
    expect(textOf(fixture, '.empty')).toBe('No groups to list.');
  });
});

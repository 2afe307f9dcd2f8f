import { DuplicateEmailError } from '../errors/duplicate-email.error';
import type { NormalisedUser } from '../model/directory-user';
import { aUser } from '../testing/builders';
import { deduplicateUsers } from './deduplicate-users';

const user = (id: string, overrides: Partial<NormalisedUser> = {}): NormalisedUser =>
  aUser(id, overrides) as NormalisedUser;

const ids = (users: readonly NormalisedUser[]) => users.map((entry) => entry.externalId).sort();

describe('deduplicateUsers', () => {
  it('keeps users with distinct emails untouched', () => {
    const input = [user('a'), user('b'), user('c')];

    const result = deduplicateUsers(input);

    expect(result.users).toEqual(input);
    expect(result.dropped).toEqual([]);
  });

  it('collapses identical active duplicates into one entry and reports the copy', () => {
    const result = deduplicateUsers([user('a'), user('b'), user('a')]);

    expect(ids(result.users)).toEqual(['a', 'b']);
    expect(result.dropped).toEqual([
      { externalId: 'a', referenceId: 'a', email: 'a@example.com', reason: 'identical-duplicate' },
    ]);
  });

  it('refuses conflicting active duplicates and names every offending email', () => {
    const conflicts = ['e1', 'e2', 'e3', 'e4', 'e5'].flatMap((email) => [
      user(`${email}-first`, { email: `${email}@example.com` }),
      user(`${email}-second`, { email: `${email}@example.com` }),
    ]);

    const run = () => deduplicateUsers([user('fine'), ...conflicts]);

    expect(run).toThrow(DuplicateEmailError);
    try {
      run();
    } catch (error) {
      const duplicate = error as DuplicateEmailError;
      expect(duplicate.emails).toEqual([
        'e1@example.com',
        'e2@example.com',
        'e3@example.com',
        'e4@example.com',
        'e5@example.com',
      ]);
      expect(duplicate.message).toContain('e5@example.com');
      expect(duplicate.side).toBe('directory');
      expect(duplicate.code).toBe('DUPLICATE_EMAILS');
    }
  });

  it('treats two active entries differing only in the disabled flag as a conflict', () => {
    expect(() => deduplicateUsers([user('a'), user('a', { disabled: true })])).toThrow(
      DuplicateEmailError,
    );
  });

  it.each([
    ['after', (active: NormalisedUser, tombstone: NormalisedUser) => [active, tombstone]],
    ['before', (active: NormalisedUser, tombstone: NormalisedUser) => [tombstone, active]],
  ])('drops a deleted entry whose email an active user has (tombstone %s)', (_order, arrange) => {
    const active = user('new-guid', { email: 'sam@example.com' });
    const tombstone = user('old-guid', { email: 'sam@example.com', deleted: true });

    const result = deduplicateUsers(arrange(active, tombstone));

    expect(result.users).toEqual([active]);
    expect(result.dropped).toEqual([
      {
        externalId: 'old-guid',
        referenceId: 'old-guid',
        email: 'sam@example.com',
        reason: 'deleted-duplicate-of-active',
      },
    ]);
  });

  it('keeps several deleted entries that share an email when no active user has it', () => {
    const first = user('old-1', { email: 'sam@example.com', deleted: true });
    const second = user('old-2', { email: 'sam@example.com', deleted: true });

    const result = deduplicateUsers([first, second]);

    expect(ids(result.users)).toEqual(['old-1', 'old-2']);
    expect(result.dropped).toEqual([]);
  });

  it('collapses identical deleted entries before applying the other rules', () => {
    const tombstone = user('old', { email: 'sam@example.com', deleted: true });

    const result = deduplicateUsers([tombstone, { ...tombstone }]);

    expect(ids(result.users)).toEqual(['old']);
    expect(result.dropped.map((entry) => entry.reason)).toEqual(['identical-duplicate']);
  });

  it('keeps deleted entries without an email apart from everyone, collapsing exact copies', () => {
    const tombstone = (id: string): NormalisedUser => ({
      ...aUser(id),
      email: null,
      deleted: true,
    });

    const result = deduplicateUsers([
      tombstone('gone-1'),
      tombstone('gone-2'),
      tombstone('gone-1'),
      user('alive'),
    ]);

    expect(ids(result.users)).toEqual(['alive', 'gone-1', 'gone-2']);
    expect(result.dropped).toEqual([
      { externalId: 'gone-1', referenceId: 'gone-1', email: null, reason: 'identical-duplicate' },
    ]);
  });
});

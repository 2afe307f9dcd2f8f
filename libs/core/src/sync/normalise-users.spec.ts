import { aUser } from '../testing/builders';
import { MAX_EMAIL_LENGTH, normaliseUsers } from './normalise-users';

describe('normaliseUsers', () => {
  it('trims and lower-cases emails', () => {
    const { users, dropped } = normaliseUsers([
      aUser('a', { email: '  Alice.Smith@Example.COM \t' }),
    ]);

    expect(users.map((user) => user.email)).toEqual(['alice.smith@example.com']);
    expect(dropped).toEqual([]);
  });

  it.each([
    ['null', null],
    ['empty', ''],
    ['blank', '   '],
  ])('drops a user whose email is %s, with the reason', (_label, email) => {
    const { users, dropped } = normaliseUsers([aUser('a', { email }), aUser('b')]);

    expect(users.map((user) => user.externalId)).toEqual(['b']);
    expect(dropped).toEqual([
      { externalId: 'a', referenceId: 'a', email, reason: 'missing-email' },
    ]);
  });

  it('keeps an email of exactly 256 characters and drops one of 257', () => {
    const domain = '@example.com';
    const longest = 'x'.repeat(MAX_EMAIL_LENGTH - domain.length) + domain;
    const tooLong = 'y'.repeat(MAX_EMAIL_LENGTH + 1 - domain.length) + domain;

    const { users, dropped } = normaliseUsers([
      aUser('fits', { email: longest }),
      aUser('long', { email: ` ${tooLong.toUpperCase()} ` }),
    ]);

    expect(users.map((user) => user.email)).toEqual([longest]);
    expect(dropped).toEqual([
      { externalId: 'long', referenceId: 'long', email: tooLong, reason: 'email-too-long' },
    ]);
  });

  it.each([null, '', '  '])(
    'keeps a deleted user whose email is %p, without one: the server removes it by external id',
    (email) => {
      const { users, dropped } = normaliseUsers([aUser('gone', { email, deleted: true })]);

      expect(users).toEqual([{ ...aUser('gone', { deleted: true }), email: null }]);
      expect(dropped).toEqual([]);
    },
  );

  it('still drops a disabled, not deleted, user without an email', () => {
    const { dropped } = normaliseUsers([aUser('off', { email: null, disabled: true })]);

    expect(dropped.map((entry) => entry.reason)).toEqual(['missing-email']);
  });

  it('returns new objects and leaves its input as it was', () => {
    const input = [aUser('a', { email: ' A@EXAMPLE.COM ' })];
    const before = structuredClone(input);

    normaliseUsers(input);

    expect(input).toEqual(before);
  });
});

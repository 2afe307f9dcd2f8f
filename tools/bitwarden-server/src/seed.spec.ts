import { validateSeed } from './seed';
import { organizationSeed, OWNER } from './spec-helpers';

describe('validateSeed', () => {
  it('accepts a minimal organization', () => {
    const seed = { organizations: [organizationSeed()] };

    expect(validateSeed(seed)).toBe(seed);
  });

  it.each([
    ['no organizations array', {}, /organizations/],
    ['a bad GUID', { organizations: [organizationSeed({ id: 'nope' })] }, /organizations\[0\]\.id/],
    [
      'an unknown member type',
      { organizations: [organizationSeed({ members: [{ ...OWNER, type: 'boss' as never }] })] },
      /members\[0\]\.type/,
    ],
    [
      'a duplicate email',
      {
        organizations: [
          organizationSeed({ members: [OWNER, { ...OWNER, email: 'OWNER@example.com' }] }),
        ],
      },
      /already used/,
    ],
    [
      'a group member that is not in the org',
      { organizations: [organizationSeed({ groups: [{ name: 'G', members: ['x@y.z'] }] })] },
      /groups\[0\]\.members\[0\]/,
    ],
    [
      'an invited member with a master password',
      {
        organizations: [
          organizationSeed({ members: [{ ...OWNER, status: 'invited', hasMasterPassword: true }] }),
        ],
      },
      /hasMasterPassword/,
    ],
    ['negative seats', { organizations: [organizationSeed({ seats: -1 })] }, /seats/],
    [
      'the same org twice',
      { organizations: [organizationSeed(), organizationSeed()] },
      /appears twice/,
    ],
  ])('names the problem with %s', (_label, seed, message) => {
    expect(() => validateSeed(seed)).toThrow(message);
  });
});

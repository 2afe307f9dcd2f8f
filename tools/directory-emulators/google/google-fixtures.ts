import type { GoogleSeedCustomer, GoogleSeedGroup, GoogleSeedUser } from './google-seed';

export const GOOGLE_FIXTURE_DOMAIN = 'example.test';
export const GOOGLE_FIXTURE_CUSTOMER = 'C0fixture';
export const GOOGLE_FIXTURE_ADMIN = `admin@${GOOGLE_FIXTURE_DOMAIN}`;

const user = (n: number, extra: Partial<GoogleSeedUser> = {}): GoogleSeedUser => ({
  id: `u${n}`,
  primaryEmail: `TestUser${n}@${GOOGLE_FIXTURE_DOMAIN}`,
  orgUnitPath: '/Integration testing',
  ...extra,
});

/**
 * Upstream's live-tenant fixture (groups A: users 1 and 2, B: users 2 and 3; user 4 in no
 * group; user 5 disabled), plus what the live tenant lacked: an archived user, a deleted one, a
 * user without email, a nested group, an everyone (`CUSTOMER`) group and a suspended member.
 */
export function googleWorkspaceFixture(): GoogleSeedCustomer {
  return {
    id: GOOGLE_FIXTURE_CUSTOMER,
    domains: [GOOGLE_FIXTURE_DOMAIN],
    users: [
      { id: 'u-admin', primaryEmail: GOOGLE_FIXTURE_ADMIN, isAdmin: true, orgUnitPath: '/IT' },
      user(1),
      user(2),
      user(3),
      user(4),
      user(5, { suspended: true }),
      user(6, { archived: true, orgUnitPath: '/Archive' }),
      user(7, { deleted: true, orgUnitPath: '/Former' }),
      user(8, { emails: [], orgUnitPath: '/Rooms' }),
    ],
    groups: [
      group('g-a', 'Integration Test Group A', [member('u1'), member('u2')]),
      group('g-b', 'Integration Test Group B', [member('u2'), member('u3')]),
      group('g-eng', 'Engineering', [{ type: 'GROUP', id: 'g-a' }, member('u4')]),
      group('g-all', 'Everyone', [{ type: 'CUSTOMER', id: GOOGLE_FIXTURE_CUSTOMER }]),
      group('g-susp', 'Suspended Club', [member('u5')]),
    ],
  };
}

/** A large customer for paging and benchmarks: each group has `membersPerGroup` users. */
export function generatedGoogleWorkspace(size: {
  readonly users: number;
  readonly groups: number;
  readonly membersPerGroup: number;
}): GoogleSeedCustomer {
  const users: GoogleSeedUser[] = [
    { id: 'u-admin', primaryEmail: GOOGLE_FIXTURE_ADMIN, isAdmin: true },
  ];
  for (let n = 1; n <= size.users; n += 1) {
    users.push({
      id: `u${n}`,
      primaryEmail: `user${n}@${GOOGLE_FIXTURE_DOMAIN}`,
      suspended: n % 50 === 0,
    });
  }
  const groups: GoogleSeedGroup[] = [];
  for (let g = 1; g <= size.groups; g += 1) {
    const members = Array.from({ length: size.membersPerGroup }, (_, k) =>
      member(`u${((g * 7 + k * 13) % size.users) + 1}`, 'ACTIVE'),
    );
    groups.push(group(`g${g}`, `Group ${g}`, [...new Map(members.map((m) => [m.id, m])).values()]));
  }
  return { id: GOOGLE_FIXTURE_CUSTOMER, domains: [GOOGLE_FIXTURE_DOMAIN], users, groups };
}

function group(id: string, name: string, members: GoogleSeedGroup['members']): GoogleSeedGroup {
  return { id, name, email: `${id}@${GOOGLE_FIXTURE_DOMAIN}`, members };
}

function member(id: string, status?: 'ACTIVE' | 'SUSPENDED') {
  return { type: 'USER' as const, id, ...(status ? { status } : {}) };
}

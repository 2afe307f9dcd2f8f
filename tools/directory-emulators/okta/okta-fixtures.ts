import type { OktaSeed, OktaSeedUser } from './okta-seed';

/** The API token the fixtures accept. */
export const OKTA_FIXTURE_TOKEN = '00emulated-okta-api-token-0000000000000000';

const user = (n: number, status = 'ACTIVE'): OktaSeedUser => ({
  id: `00u${String(n).padStart(17, '0')}`,
  status,
  profile: {
    login: `testuser${n}@bwrox.dev`,
    email: `testuser${n}@bwrox.dev`,
    firstName: 'Test',
    lastName: `User${n}`,
  },
});

/**
 * Upstream's live Okta test org (utils/okta): Everyone (5 members), Integration Test Group A
 * (2), Integration Test Group B (3), Okta Administrators (0) and five users, user 5 suspended;
 * plus a deprovisioned user 6 that Okta lists only when asked for by status.
 */
export function oktaOrgFixture(): OktaSeed {
  const users = [1, 2, 3, 4]
    .map((n) => user(n))
    .concat(user(5, 'SUSPENDED'), user(6, 'DEPROVISIONED'));
  const id = (n: number) => users[n - 1]?.id ?? '';
  return {
    tokens: [OKTA_FIXTURE_TOKEN],
    users,
    groups: [
      {
        id: '00g00000000000000001',
        type: 'BUILT_IN',
        profile: { name: 'Everyone', description: 'All users in your organization' },
        members: [1, 2, 3, 4, 5].map(id),
      },
      {
        id: '00g00000000000000002',
        profile: { name: 'Integration Test Group A' },
        members: [1, 2].map(id),
      },
      {
        id: '00g00000000000000003',
        profile: { name: 'Integration Test Group B' },
        members: [2, 3, 4].map(id),
      },
      {
        id: '00g00000000000000004',
        profile: { name: 'Okta Administrators' },
        members: [],
      },
    ],
  };
}

/** A generated org: `users` active users, `groups` groups of `membersPerGroup` users each. */
export function generatedOktaOrg(shape: {
  readonly users: number;
  readonly groups: number;
  readonly membersPerGroup: number;
}): OktaSeed {
  const users = Array.from({ length: shape.users }, (_, index) => ({
    id: `00u${String(index + 1).padStart(17, '0')}`,
    status: 'ACTIVE',
    profile: { login: `user${index + 1}@example.test`, email: `user${index + 1}@example.test` },
  }));
  return {
    tokens: [OKTA_FIXTURE_TOKEN],
    users,
    groups: Array.from({ length: shape.groups }, (_, index) => ({
      id: `00g${String(index + 1).padStart(17, '0')}`,
      profile: { name: `Group ${index + 1}` },
      members: Array.from(
        { length: Math.min(shape.membersPerGroup, shape.users) },
        (_, member) => users[(index * shape.membersPerGroup + member) % shape.users]?.id ?? '',
      ),
    })),
  };
}

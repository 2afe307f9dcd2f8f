import fixture from './onelogin-fixture.json';
import { type OneLoginSeed, type OneLoginSeedUser, parseOneLoginSeed } from './onelogin-seed';

export const ONELOGIN_FIXTURE_CLIENT_ID = 'onelogin-test-client';
export const ONELOGIN_FIXTURE_CLIENT_SECRET = 'onelogin-test-secret';

/**
 * Upstream's live test org (`utils/onelogin`: the role "Integration Test Role", id 952807, with
 * 4 users, `testuser4` suspended), plus what it lacked: a second role, an empty role, a role of its own for
 * `testuser8`, a user whose email is only in the username, one with a bare username (email
 * suffix) and one with neither.
 * Read from `onelogin-fixture.json`.
 */
export function oneLoginFixture(): OneLoginSeed {
  // Through JSON text: a fresh copy for every caller, checked as any JSON seed is.
  return parseOneLoginSeed(JSON.stringify(fixture));
}

/** A large org for paging tests: each role has `membersPerRole` users; every 50th is suspended. */
export function generatedOneLoginOrg(size: {
  readonly users: number;
  readonly roles: number;
  readonly membersPerRole: number;
}): OneLoginSeed {
  const users: OneLoginSeedUser[] = Array.from({ length: size.users }, (_, index) => ({
    id: 1000 + index + 1,
    email: `user${index + 1}@example.test`,
    username: `user${index + 1}`,
    status: (index + 1) % 50 === 0 ? 2 : 1,
  }));
  const roles = Array.from({ length: size.roles }, (_, index) => {
    const members = Array.from(
      { length: size.membersPerRole },
      (_, k) => 1000 + (((index + 1) * 7 + k * 13) % size.users) + 1,
    );
    return { id: 500 + index + 1, name: `Role ${index + 1}`, users: [...new Set(members)] };
  });
  return {
    clients: [
      { clientId: ONELOGIN_FIXTURE_CLIENT_ID, clientSecret: ONELOGIN_FIXTURE_CLIENT_SECRET },
    ],
    users,
    roles,
  };
}

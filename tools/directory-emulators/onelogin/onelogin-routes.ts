import type { OneLoginSeed, OneLoginSeedRole, OneLoginSeedUser } from './onelogin-seed';

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

/** API v2's error body. */
export function oneLoginError(status: number, name: string, message: string): ApiAnswer {
  return { status, body: { statusCode: status, name, message } };
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

/** Answers API v2 `GET /api/2/users`, `/api/2/roles` and `/api/2/roles/{id}/users` from the seed. */
export function answerApi(
  seed: OneLoginSeed,
  method: string,
  path: string,
  query: URLSearchParams,
): ApiAnswer {
  if (method !== 'GET') {
    return oneLoginError(405, 'MethodNotAllowed', 'Method Not Allowed');
  }
  try {
    if (path === '/api/2/users') {
      return page(seed.users.filter(userMatches(query)).map(userResource), query);
    }
    if (path === '/api/2/roles') {
      const name = query.get('name');
      const roles = seed.roles.filter((role) => name === null || wildcard(name)(role.name));
      return page(roles.map(roleResource), query);
    }
    const members = /^\/api\/2\/roles\/(\d+)\/users$/.exec(path);
    if (members?.[1]) {
      const role = seed.roles.find((candidate) => candidate.id === Number(members[1]));
      if (!role) {
        return oneLoginError(404, 'NotFound', 'Role not found');
      }
      return page(roleMembers(seed, role), query);
    }
    return oneLoginError(404, 'NotFound', 'Not Found');
  } catch (error) {
    if (error instanceof BadRequest) {
      return oneLoginError(400, 'BadRequest', error.message);
    }
    throw error;
  }
}

class BadRequest extends Error {}

/** The user search parameters: email, username, firstname, lastname (`*` a wildcard). */
function userMatches(query: URLSearchParams): (user: OneLoginSeedUser) => boolean {
  const checks = (['email', 'username', 'firstname', 'lastname'] as const).flatMap((field) => {
    const wanted = query.get(field);
    return wanted === null ? [] : [(user: OneLoginSeedUser) => wildcard(wanted)(user[field] ?? '')];
  });
  return (user) => checks.every((check) => check(user));
}

function wildcard(pattern: string): (value: string) => boolean {
  const escaped = pattern
    .toLowerCase()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${escaped}$`);
  return (value) => regex.test(value.toLowerCase());
}

function userResource(user: OneLoginSeedUser): Record<string, unknown> {
  return {
    id: user.id,
    email: user.email ?? null,
    username: user.username ?? null,
    firstname: user.firstname ?? null,
    lastname: user.lastname ?? null,
    status: user.status ?? 1,
    state: 1,
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-01-01T00:00:00.000Z',
  };
}

function roleResource(role: OneLoginSeedRole): Record<string, unknown> {
  return { id: role.id, name: role.name };
}

/** `/roles/{id}/users` items: `{id, name, username, added_by, added_at, assigned}`. */
function roleMembers(seed: OneLoginSeed, role: OneLoginSeedRole): Record<string, unknown>[] {
  return role.users.map((id) => {
    const user = seed.users.find((candidate) => candidate.id === id);
    return {
      id,
      name: [user?.firstname, user?.lastname].filter(Boolean).join(' ') || null,
      username: user?.username ?? null,
      added_by: null,
      added_at: '2024-01-01T00:00:00.000Z',
      assigned: true,
    };
  });
}

/**
 * v2 cursor paging: `limit` (default 50) on the first call, then `cursor` (which carries the
 * limit) from the previous answer's `After-Cursor` header; a bare JSON array as the body.
 */
function page(items: readonly Record<string, unknown>[], query: URLSearchParams): ApiAnswer {
  const cursor = query.get('cursor');
  let offset = 0;
  let limit = DEFAULT_LIMIT;
  if (cursor) {
    const decoded = /^(\d+):(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!decoded) {
      throw new BadRequest('Invalid cursor');
    }
    offset = Number(decoded[1]);
    limit = Number(decoded[2]);
  } else if (query.has('limit')) {
    limit = Number(query.get('limit'));
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new BadRequest(`limit must be between 1 and ${MAX_LIMIT}`);
  }
  const end = offset + limit;
  const headers: Record<string, string> = {
    'total-count': String(items.length),
    'total-pages': String(Math.max(1, Math.ceil(items.length / limit))),
    'current-page': String(Math.floor(offset / limit) + 1),
    'page-items': String(Math.min(limit, Math.max(0, items.length - offset))),
  };
  if (end < items.length) {
    headers['after-cursor'] = Buffer.from(`${end}:${limit}`).toString('base64url');
  }
  if (offset > 0) {
    headers['before-cursor'] = Buffer.from(`${Math.max(0, offset - limit)}:${limit}`).toString(
      'base64url',
    );
  }
  return { status: 200, body: items.slice(offset, end), headers };
}

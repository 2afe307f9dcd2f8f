import { InvalidQueryError, compileQuery } from './directory-query';
import type {
  GoogleSeedCustomer,
  GoogleSeedGroup,
  GoogleSeedMember,
  GoogleSeedUser,
} from './google-seed';

const SCOPE = 'https://www.googleapis.com/auth/admin.directory.';

/** Who the access token speaks for: the admin user the service account impersonates. */
export interface Caller {
  readonly subject: string;
  readonly scopes: readonly string[];
}

export interface RouteAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Answers Directory API v1 `users`, `groups` and `groups/{key}/members` GETs from the seed. */
export function answerDirectory(
  customers: readonly GoogleSeedCustomer[],
  caller: Caller,
  path: string,
  query: URLSearchParams,
): RouteAnswer {
  const admin = findAdmin(customers, caller.subject);
  if (!admin) {
    return googleError(403, 'Not Authorized to access this resource/api', 'forbidden');
  }
  try {
    if (path === '/admin/directory/v1/users') {
      return needScope(caller, ['user.readonly', 'user']) ?? listUsers(admin, query);
    }
    if (path === '/admin/directory/v1/groups') {
      return needScope(caller, ['group.readonly', 'group']) ?? listGroups(admin, query);
    }
    const members = /^\/admin\/directory\/v1\/groups\/([^/]+)\/members$/.exec(path);
    if (members?.[1]) {
      return (
        needScope(caller, ['group.member.readonly', 'group.readonly', 'group']) ??
        listMembers(admin, decodeURIComponent(members[1]), query)
      );
    }
    return googleError(404, 'Not Found', 'notFound');
  } catch (error) {
    if (error instanceof InvalidQueryError || error instanceof BadRequest) {
      return googleError(400, error.message, 'invalid');
    }
    throw error;
  }
}

class BadRequest extends Error {}

export function googleError(status: number, message: string, reason: string): RouteAnswer {
  return {
    status,
    body: { error: { code: status, message, errors: [{ domain: 'global', reason, message }] } },
  };
}

function findAdmin(
  customers: readonly GoogleSeedCustomer[],
  subject: string,
): GoogleSeedCustomer | undefined {
  return customers.find((customer) =>
    customer.users.some(
      (user) =>
        user.primaryEmail.toLowerCase() === subject.toLowerCase() && user.isAdmin && !user.deleted,
    ),
  );
}

function needScope(caller: Caller, accepted: readonly string[]): RouteAnswer | undefined {
  return accepted.some((scope) => caller.scopes.includes(SCOPE + scope))
    ? undefined
    : googleError(
        403,
        'Request had insufficient authentication scopes.',
        'insufficientPermissions',
      );
}

/** The caller's customer, narrowed to one of its domains when `domain` is given. */
function scopeOf(
  customer: GoogleSeedCustomer,
  query: URLSearchParams,
): ((email: string) => boolean) | RouteAnswer {
  const customerId = query.get('customer');
  const domain = query.get('domain')?.toLowerCase();
  if (!customerId && !domain) {
    return googleError(400, 'Bad Request', 'badRequest');
  }
  if (customerId && customerId !== 'my_customer' && customerId !== customer.id) {
    return googleError(403, 'Not Authorized to access this resource/api', 'forbidden');
  }
  if (domain === undefined) {
    return () => true;
  }
  if (!customer.domains.some((candidate) => candidate.toLowerCase() === domain)) {
    return googleError(400, 'Domain not found.', 'invalid');
  }
  return (email) => email.toLowerCase().endsWith(`@${domain}`);
}

function page<T>(items: readonly T[], query: URLSearchParams, max: number, fallback: number) {
  const size = query.has('maxResults') ? Number(query.get('maxResults')) : fallback;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw new BadRequest(
      `Invalid value '${query.get('maxResults')}'. Values must be within the range: [1, ${max}]`,
    );
  }
  const token = query.get('pageToken');
  const offset = token
    ? Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^o:/, ''))
    : 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > items.length) {
    throw new BadRequest('Invalid page token');
  }
  const end = offset + size;
  return {
    items: items.slice(offset, end),
    nextPageToken: end < items.length ? Buffer.from(`o:${end}`).toString('base64url') : undefined,
  };
}

const USER_FIELDS = [
  'email',
  'givenName',
  'familyName',
  'name',
  'isSuspended',
  'isArchived',
  'isAdmin',
  'orgUnitPath',
];

function listUsers(customer: GoogleSeedCustomer, query: URLSearchParams): RouteAnswer {
  const inScope = scopeOf(customer, query);
  if (typeof inScope !== 'function') {
    return inScope;
  }
  const matches = compileQuery<GoogleSeedUser>(query.get('query'), USER_FIELDS, readUserField);
  const deleted = query.get('showDeleted') === 'true';
  const users = customer.users.filter(
    (user) => Boolean(user.deleted) === deleted && inScope(user.primaryEmail) && matches(user),
  );
  const { items, nextPageToken } = page(users, query, 500, 100);
  return {
    status: 200,
    body: {
      kind: 'admin#directory#users',
      users: items.map((user) => userResource(customer, user)),
      ...(nextPageToken ? { nextPageToken } : {}),
    },
  };
}

function readUserField(user: GoogleSeedUser, field: string): string | boolean | undefined {
  switch (field) {
    case 'email':
      return user.primaryEmail;
    case 'givenName':
      return user.givenName;
    case 'familyName':
      return user.familyName;
    case 'name':
      return [user.givenName, user.familyName].filter(Boolean).join(' ');
    case 'isSuspended':
      return Boolean(user.suspended);
    case 'isArchived':
      return Boolean(user.archived);
    case 'isAdmin':
      return Boolean(user.isAdmin);
    default:
      return user.orgUnitPath ?? '/';
  }
}

function userResource(customer: GoogleSeedCustomer, user: GoogleSeedUser): Record<string, unknown> {
  const emails = user.emails ?? [{ address: user.primaryEmail, primary: true }];
  return {
    kind: 'admin#directory#user',
    id: user.id,
    primaryEmail: user.primaryEmail,
    name: {
      givenName: user.givenName ?? '',
      familyName: user.familyName ?? '',
      fullName: [user.givenName, user.familyName].filter(Boolean).join(' '),
    },
    isAdmin: Boolean(user.isAdmin),
    suspended: Boolean(user.suspended),
    archived: Boolean(user.archived),
    orgUnitPath: user.orgUnitPath ?? '/',
    customerId: customer.id,
    ...(emails.length > 0 ? { emails } : {}),
    ...(user.deleted ? { deletionTime: '2026-01-01T00:00:00.000Z' } : {}),
  };
}

function listGroups(customer: GoogleSeedCustomer, query: URLSearchParams): RouteAnswer {
  const inScope = scopeOf(customer, query);
  if (typeof inScope !== 'function') {
    return inScope;
  }
  const matches = compileQuery<GoogleSeedGroup>(
    query.get('query'),
    ['name', 'email'],
    (group, field) => (field === 'name' ? group.name : group.email),
  );
  const groups = customer.groups.filter((group) => inScope(group.email) && matches(group));
  const { items, nextPageToken } = page(groups, query, 200, 200);
  return {
    status: 200,
    body: {
      kind: 'admin#directory#groups',
      groups: items.map((group) => ({
        kind: 'admin#directory#group',
        id: group.id,
        email: group.email,
        name: group.name,
        directMembersCount: String(group.members.length),
      })),
      ...(nextPageToken ? { nextPageToken } : {}),
    },
  };
}

function listMembers(
  customer: GoogleSeedCustomer,
  groupKey: string,
  query: URLSearchParams,
): RouteAnswer {
  const key = groupKey.toLowerCase();
  const group = customer.groups.find(
    (candidate) => candidate.id === groupKey || candidate.email.toLowerCase() === key,
  );
  if (!group) {
    return googleError(404, 'Resource Not Found: groupKey', 'notFound');
  }
  const { items, nextPageToken } = page(group.members, query, 200, 200);
  return {
    status: 200,
    body: {
      kind: 'admin#directory#members',
      members: items.map((member) => memberResource(customer, member)),
      ...(nextPageToken ? { nextPageToken } : {}),
    },
  };
}

function memberResource(
  customer: GoogleSeedCustomer,
  member: GoogleSeedMember,
): Record<string, unknown> {
  const common = {
    kind: 'admin#directory#member',
    id: member.id,
    role: 'MEMBER',
    type: member.type,
  };
  if (member.type === 'CUSTOMER') {
    return { ...common, status: 'ACTIVE' };
  }
  if (member.type === 'GROUP') {
    const group = customer.groups.find((candidate) => candidate.id === member.id);
    return { ...common, email: group?.email, status: 'ACTIVE' };
  }
  const user = customer.users.find((candidate) => candidate.id === member.id);
  return {
    ...common,
    email: user?.primaryEmail,
    status: member.status ?? (user?.suspended ? 'SUSPENDED' : 'ACTIVE'),
  };
}

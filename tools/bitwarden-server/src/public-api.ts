/**
 * The read-only Public API endpoints the connector never calls but tests use to look at the
 * server the way a client would: members, groups and a group's member ids.
 */
import { ApiError } from './public-error';
import { MEMBER_STATUS_CODES, MEMBER_TYPE_CODES, type Organization } from './state';

export interface ListResponse<T> {
  object: 'list';
  data: T[];
  continuationToken: string | null;
}

function page<T>(items: T[], pageSize: number | undefined, token: string | null): ListResponse<T> {
  if (pageSize === undefined) {
    return { object: 'list', data: items, continuationToken: null };
  }
  let start = 0;
  if (token !== null && token !== '') {
    start = Number(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) {
      throw ApiError.badRequest('Invalid continuation token.');
    }
  }
  const end = start + pageSize;
  return {
    object: 'list',
    data: items.slice(start, end),
    continuationToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : null,
  };
}

export function listMembers(
  organization: Organization,
  pageSize: number | undefined,
  token: string | null,
): ListResponse<Record<string, unknown>> {
  const members = [...organization.members.values()].map((member) => ({
    object: 'member',
    id: member.id,
    userId: null,
    email: member.email,
    externalId: member.externalId,
    type: MEMBER_TYPE_CODES[member.type],
    status: MEMBER_STATUS_CODES[member.status],
    name: null,
    twoFactorEnabled: false,
    resetPasswordEnrolled: false,
    collections: [],
  }));
  return page(members, pageSize, token);
}

export function listGroups(
  organization: Organization,
  pageSize: number | undefined,
  token: string | null,
): ListResponse<Record<string, unknown>> {
  const groups = [...organization.groups.values()].map((group) => ({
    object: 'group',
    id: group.id,
    name: group.name,
    externalId: group.externalId,
    collections: [],
  }));
  return page(groups, pageSize, token);
}

export function groupMemberIds(organization: Organization, groupId: string): string[] {
  const group = organization.groups.get(groupId.toLowerCase());
  if (group === undefined) {
    throw ApiError.notFound();
  }
  return [...group.memberIds].filter((id) => organization.members.has(id));
}

/** A membership as the Public API lists it (`GET /public/members`). */
export interface OrganizationMember {
  readonly id: string;
  readonly email: string;
  readonly externalId: string | null;
  readonly type: MemberType;
  readonly status: MemberStatus;
}

/** A group as the Public API lists it (`GET /public/groups`). */
export interface OrganizationGroup {
  readonly id: string;
  readonly name: string;
  readonly externalId: string | null;
}

export type MemberType = 'owner' | 'admin' | 'user' | 'custom';
export type MemberStatus = 'revoked' | 'invited' | 'accepted' | 'confirmed' | 'staged';

const MEMBER_TYPES: Readonly<Record<number, MemberType>> = {
  0: 'owner',
  1: 'admin',
  2: 'user',
  4: 'custom',
};

const MEMBER_STATUSES: Readonly<Record<number, MemberStatus>> = {
  [-1]: 'revoked',
  0: 'invited',
  1: 'accepted',
  2: 'confirmed',
  3: 'staged',
};

export function memberTypeOf(value: number): MemberType | undefined {
  return MEMBER_TYPES[value];
}

export function memberStatusOf(value: number): MemberStatus | undefined {
  return MEMBER_STATUSES[value];
}

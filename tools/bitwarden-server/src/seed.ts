/**
 * The starting state of the emulated server. Written from the Bitwarden server contract, never from
 * the connector's own types, so that the emulator cannot silently agree with a client bug.
 */

export type MemberType = 'owner' | 'admin' | 'user' | 'custom';
export type MemberStatus = 'invited' | 'accepted' | 'confirmed' | 'staged' | 'revoked';

export interface SeedMember {
  email: string;
  externalId?: string | null;
  type: MemberType;
  status: MemberStatus;
  /** Only members with a linked account can have one; invited and staged members never do. */
  hasMasterPassword?: boolean;
}

export interface SeedGroup {
  name: string;
  externalId?: string | null;
  /** Member emails. */
  members: string[];
}

export interface SeedOrganization {
  /** GUID. */
  id: string;
  apiKey: string;
  seats?: number | null;
  maxAutoscaleSeats?: number | null;
  /** Self-hosted servers skip the 2,000 rule and cannot autoscale seats. */
  selfHosted?: boolean;
  useGroups?: boolean;
  useDirectory?: boolean;
  /** Server feature flag `pm-34423-staged-status`, scoped to this organization. */
  stagedUsers?: boolean;
  /** A disabled organization, or one without API access, fails client authentication. */
  enabled?: boolean;
  useApi?: boolean;
  members: SeedMember[];
  groups: SeedGroup[];
}

export interface Seed {
  organizations: SeedOrganization[];
}

export class SeedError extends Error {
  override readonly name = 'SeedError';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MEMBER_TYPES: readonly string[] = ['owner', 'admin', 'user', 'custom'];
const MEMBER_STATUSES: readonly string[] = [
  'invited',
  'accepted',
  'confirmed',
  'staged',
  'revoked',
];

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalBoolean(record: Record<string, unknown>, key: string, where: string): void {
  const value = record[key];
  if (value !== undefined && typeof value !== 'boolean') {
    throw new SeedError(`${where}.${key} must be a boolean`);
  }
}

function optionalCount(record: Record<string, unknown>, key: string, where: string): void {
  const value = record[key];
  if (value === undefined || value === null) {
    return;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new SeedError(`${where}.${key} must be a non-negative integer or null`);
  }
}

function optionalExternalId(record: Record<string, unknown>, where: string): void {
  const value = record['externalId'];
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw new SeedError(`${where}.externalId must be a string or null`);
  }
}

function validateMember(value: unknown, where: string): SeedMember {
  if (!isRecord(value)) {
    throw new SeedError(`${where} must be an object`);
  }
  const email = value['email'];
  if (typeof email !== 'string' || !email.includes('@')) {
    throw new SeedError(`${where}.email must be an email address`);
  }
  optionalExternalId(value, where);
  if (typeof value['type'] !== 'string' || !MEMBER_TYPES.includes(value['type'])) {
    throw new SeedError(`${where}.type must be one of ${MEMBER_TYPES.join(', ')}`);
  }
  if (typeof value['status'] !== 'string' || !MEMBER_STATUSES.includes(value['status'])) {
    throw new SeedError(`${where}.status must be one of ${MEMBER_STATUSES.join(', ')}`);
  }
  optionalBoolean(value, 'hasMasterPassword', where);
  if (
    value['hasMasterPassword'] === true &&
    (value['status'] === 'invited' || value['status'] === 'staged')
  ) {
    // The real server has no account behind these members, so a password is impossible.
    throw new SeedError(
      `${where}.hasMasterPassword cannot be true for a ${value['status']} member`,
    );
  }
  return value as unknown as SeedMember;
}

function validateGroup(value: unknown, where: string, emails: ReadonlySet<string>): SeedGroup {
  if (!isRecord(value)) {
    throw new SeedError(`${where} must be an object`);
  }
  if (typeof value['name'] !== 'string' || value['name'].length === 0) {
    throw new SeedError(`${where}.name must be a non-empty string`);
  }
  optionalExternalId(value, where);
  const members = value['members'];
  if (!Array.isArray(members)) {
    throw new SeedError(`${where}.members must be an array of member emails`);
  }
  members.forEach((email: unknown, index) => {
    if (typeof email !== 'string' || !emails.has(email.toLowerCase())) {
      throw new SeedError(`${where}.members[${index}] is not the email of a member of this org`);
    }
  });
  return value as unknown as SeedGroup;
}

function validateOrganization(value: unknown, where: string): SeedOrganization {
  if (!isRecord(value)) {
    throw new SeedError(`${where} must be an object`);
  }
  const id = value['id'];
  if (typeof id !== 'string' || !isGuid(id)) {
    throw new SeedError(`${where}.id must be a GUID`);
  }
  if (typeof value['apiKey'] !== 'string' || value['apiKey'].length === 0) {
    throw new SeedError(`${where}.apiKey must be a non-empty string`);
  }
  optionalCount(value, 'seats', where);
  optionalCount(value, 'maxAutoscaleSeats', where);
  for (const key of [
    'selfHosted',
    'useGroups',
    'useDirectory',
    'stagedUsers',
    'enabled',
    'useApi',
  ]) {
    optionalBoolean(value, key, where);
  }
  const members = value['members'];
  if (!Array.isArray(members)) {
    throw new SeedError(`${where}.members must be an array`);
  }
  const emails = new Set<string>();
  members.forEach((member: unknown, index) => {
    const valid = validateMember(member, `${where}.members[${index}]`);
    const email = valid.email.toLowerCase();
    if (emails.has(email)) {
      // Emails are unique per organization on the real server.
      throw new SeedError(`${where}.members[${index}].email ${email} is already used in this org`);
    }
    emails.add(email);
  });
  const groups = value['groups'];
  if (!Array.isArray(groups)) {
    throw new SeedError(`${where}.groups must be an array`);
  }
  groups.forEach((group: unknown, index) =>
    validateGroup(group, `${where}.groups[${index}]`, emails),
  );
  return value as unknown as SeedOrganization;
}

/** Checks an untrusted seed (e.g. read from a file) and names the first problem it finds. */
export function validateSeed(value: unknown): Seed {
  if (!isRecord(value) || !Array.isArray(value['organizations'])) {
    throw new SeedError('seed must be an object with an "organizations" array');
  }
  const ids = new Set<string>();
  value['organizations'].forEach((organization: unknown, index) => {
    const valid = validateOrganization(organization, `organizations[${index}]`);
    const id = valid.id.toLowerCase();
    if (ids.has(id)) {
      throw new SeedError(`organizations[${index}].id ${id} appears twice`);
    }
    ids.add(id);
  });
  return value as unknown as Seed;
}

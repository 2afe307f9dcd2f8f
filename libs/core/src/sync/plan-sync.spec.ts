import { createHash } from 'node:crypto';

import fc from 'fast-check';

import { ConfigurationError } from '../errors/configuration.error';
import { DuplicateEmailError } from '../errors/duplicate-email.error';
import type { DirectoryGroup } from '../model/directory-group';
import type { DirectoryUser } from '../model/directory-user';
import { aGroup, aUser, importOptions } from '../testing/builders';
import { planSync, type SyncPlanInput } from './plan-sync';

const destination = { apiUrl: 'https://api.bitwarden.com', organizationId: 'org-1' };

function input(overrides: Partial<SyncPlanInput> = {}): SyncPlanInput {
  return {
    users: [
      aUser('alice', { email: 'Alice@Example.com' }),
      aUser('bob'),
      aUser('carol', { disabled: true }),
      aUser('dave', { deleted: true }),
    ],
    groups: [
      aGroup('engineering', { users: ['alice'], groups: ['platform'] }),
      aGroup('platform', { users: ['bob'] }),
    ],
    options: importOptions(),
    destination,
    // With an earlier fingerprint to compare with, the plan computes its own.
    previousFingerprint: 'an earlier fingerprint',
    ...overrides,
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const shuffled = <T>(items: readonly T[], seed: number): T[] =>
  fc.sample(fc.shuffledSubarray([...items], { minLength: items.length }), {
    seed,
    numRuns: 1,
  })[0] ?? [];

describe('planSync', () => {
  it('builds the import request a directory maps to', () => {
    const plan = planSync(input());

    expect(plan.outcome).toBe('send');
    expect(plan.requests).toEqual([
      {
        groups: [
          { name: 'engineering', externalId: 'engineering', memberExternalIds: ['alice', 'bob'] },
          { name: 'platform', externalId: 'platform', memberExternalIds: ['bob'] },
        ],
        members: [
          { email: 'alice@example.com', externalId: 'alice', deleted: false },
          { email: 'bob@example.com', externalId: 'bob', deleted: false },
          { email: 'carol@example.com', externalId: 'carol', deleted: false },
          { email: 'dave@example.com', externalId: 'dave', deleted: true },
        ],
        overwriteExisting: false,
        largeImport: false,
        inviteUsersAfterProvisioning: false,
      },
    ]);
    expect(plan.counts).toEqual({
      users: 4,
      enabledUsers: 2,
      disabledUsers: 1,
      deletedUsers: 1,
      sentAsDeleted: 1,
      groups: 2,
      memberships: 3,
      droppedUsers: 0,
      requests: 1,
    });
  });

  it('computes the fingerprint as base64 SHA-256 of api URL + organization id + request JSON', () => {
    const plan = planSync(input());

    const expected = createHash('sha256')
      .update(destination.apiUrl + destination.organizationId + JSON.stringify(plan.requests[0]))
      .digest('base64');
    expect(plan.fingerprint).toBe(expected);
  });

  it('hashes the JSON array of requests when the import is batched', () => {
    const users = Array.from({ length: 2001 }, (_, index) =>
      aUser(`u${String(index).padStart(4, '0')}`),
    );

    const plan = planSync(
      input({ users, groups: [], options: importOptions({ largeImport: true }) }),
    );

    expect(plan.requests).toHaveLength(2);
    const expected = createHash('sha256')
      .update(destination.apiUrl + destination.organizationId + JSON.stringify(plan.requests))
      .digest('base64');
    expect(plan.fingerprint).toBe(expected);
  });

  it('says explicitly that nothing is to be sent when the fingerprint is unchanged', () => {
    const first = planSync(input());

    const second = planSync(input({ previousFingerprint: first.fingerprint }));

    expect(second.outcome).toBe('unchanged');
    expect(second.requests).toEqual([]);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(second.counts.requests).toBe(0);
    expect(second.users).toHaveLength(4);
  });

  it('leaves the fingerprint to the sync when there is none to compare with, and sends', () => {
    const plan = planSync(input({ previousFingerprint: null }));

    expect(plan.outcome).toBe('send');
    expect(plan.fingerprint).toBeNull();
    expect(plan.requests).toEqual(planSync(input()).requests);
  });

  it('sends nothing for an empty read unless overwrite is on', () => {
    const empty = input({ users: [aUser('no-mail', { email: null })], groups: [] });

    expect(planSync(empty).outcome).toBe('empty');
    expect(planSync(empty).requests).toEqual([]);
    const overwrite = planSync({ ...empty, options: importOptions({ overwriteExisting: true }) });
    expect(overwrite.outcome).toBe('send');
    expect(overwrite.requests).toHaveLength(1);
  });

  it('gives the same fingerprint for the same directory read in any order', () => {
    const users: DirectoryUser[] = Array.from({ length: 40 }, (_, index) =>
      aUser(`user${index}`, { disabled: index % 7 === 0, deleted: index % 11 === 0 }),
    );
    const groups: DirectoryGroup[] = Array.from({ length: 12 }, (_, index) =>
      aGroup(`group${index}`, {
        users: users.filter((_, user) => user % 12 === index).map((user) => user.externalId),
        groups: [`group${(index + 1) % 12}`, `group${(index * 5) % 12}`],
      }),
    );
    const reference = planSync(input({ users, groups })).fingerprint;

    for (let seed = 1; seed <= 20; seed += 1) {
      const reordered = shuffled(groups, seed).map((group) => ({
        ...group,
        userMemberExternalIds: shuffled(group.userMemberExternalIds, seed),
        groupMemberReferenceIds: shuffled(group.groupMemberReferenceIds, seed),
      }));
      const plan = planSync(input({ users: shuffled(users, seed), groups: reordered }));
      expect(plan.fingerprint).toBe(reference);
    }
  });

  describe('changes the fingerprint when anything that is sent changes', () => {
    const reference = planSync(input()).fingerprint;
    const base = input();

    it.each<[string, Partial<SyncPlanInput>]>([
      [
        'one email',
        {
          users: base.users.map((user) =>
            user.externalId === 'bob' ? { ...user, email: 'robert@example.com' } : user,
          ),
        },
      ],
      [
        'one membership',
        {
          groups: base.groups.map((group) =>
            group.externalId === 'platform' ? { ...group, userMemberExternalIds: [] } : group,
          ),
        },
      ],
      [
        'one nesting link',
        { groups: base.groups.map((group) => ({ ...group, groupMemberReferenceIds: [] })) },
      ],
      [
        'one deleted flag',
        {
          users: base.users.map((user) =>
            user.externalId === 'bob' ? { ...user, deleted: true } : user,
          ),
        },
      ],
      ['the removeDisabled flag', { options: importOptions({ removeDisabled: true }) }],
      ['the overwriteExisting flag', { options: importOptions({ overwriteExisting: true }) }],
      ['the invite flag', { options: importOptions({ inviteUsersAfterProvisioning: true }) }],
      ['the organization', { destination: { ...destination, organizationId: 'org-2' } }],
      ['the API URL', { destination: { ...destination, apiUrl: 'https://api.bitwarden.eu' } }],
      [
        'a group name',
        { groups: base.groups.map((group) => ({ ...group, name: `${group.name}!` })) },
      ],
    ])('%s', (_change, overrides) => {
      expect(planSync(input(overrides)).fingerprint).not.toBe(reference);
    });
  });

  it('reports every dropped user with its reason', () => {
    const plan = planSync(
      input({
        users: [
          aUser('kept'),
          aUser('no-email', { email: '  ' }),
          aUser('kept'),
          aUser('tombstone', { email: 'kept@example.com', deleted: true }),
        ],
      }),
    );

    expect(plan.users.map((user) => user.externalId)).toEqual(['kept']);
    expect(plan.dropped.map((entry) => [entry.externalId, entry.reason])).toEqual([
      ['no-email', 'missing-email'],
      ['kept', 'identical-duplicate'],
      ['tombstone', 'deleted-duplicate-of-active'],
    ]);
    expect(plan.counts.droppedUsers).toBe(3);
  });

  it('sends a deleted user without an email by external id, with a null email', () => {
    const plan = planSync(
      input({ users: [aUser('kept'), aUser('tombstone', { email: null, deleted: true })] }),
    );

    expect(plan.requests[0]?.members).toEqual([
      { email: 'kept@example.com', externalId: 'kept', deleted: false },
      { email: null, externalId: 'tombstone', deleted: true },
    ]);
    expect(plan.counts.deletedUsers).toBe(1);
    expect(plan.dropped).toEqual([]);
  });

  it('carries the notices of the directory read into the plan, changing nothing sent', () => {
    const notice = {
      kind: 'member-out-of-scope',
      group: 'Engineering',
      member: 'cn=outsider,ou=elsewhere',
      reason: 'outside-user-path',
    } as const;

    const plan = planSync(input({ notices: [notice] }));

    expect(plan.notices).toEqual([notice]);
    expect(plan.fingerprint).toBe(planSync(input()).fingerprint);
    expect(planSync(input()).notices).toEqual([]);
  });

  it('never changes its input', () => {
    const frozen = deepFreeze(input());
    const before = structuredClone(frozen);

    planSync(frozen);

    expect(frozen).toEqual(before);
  });

  it('refuses a destination without an organization', () => {
    const run = () => planSync(input({ destination: { ...destination, organizationId: '' } }));

    expect(run).toThrow(ConfigurationError);
    expect(run).toThrow('Organization not set.');
  });

  it('refuses conflicting duplicates before building anything', () => {
    const run = () =>
      planSync(
        input({
          users: [aUser('a', { email: 'x@example.com' }), aUser('b', { email: 'X@example.com ' })],
        }),
      );

    expect(run).toThrow(DuplicateEmailError);
  });
});

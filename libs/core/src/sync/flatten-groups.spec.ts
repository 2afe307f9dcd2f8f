import fc from 'fast-check';

import type { DirectoryGroup } from '../model/directory-group';
import { aGroup } from '../testing/builders';
import { flattenGroups } from './flatten-groups';

/** The obvious reference: a breadth-first walk from every group. Quadratic, but clearly right. */
function naiveFlatten(groups: readonly DirectoryGroup[]): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const root of groups) {
    const members = new Set<string>();
    const seen = new Set<DirectoryGroup>([root]);
    const queue = [root];
    for (let current = queue.shift(); current; current = queue.shift()) {
      current.userMemberExternalIds.forEach((id) => members.add(id));
      for (const reference of current.groupMemberReferenceIds) {
        for (const child of groups.filter((group) => group.referenceId === reference)) {
          if (!seen.has(child)) {
            seen.add(child);
            queue.push(child);
          }
        }
      }
    }
    result[root.externalId] = [...members].sort();
  }
  return result;
}

function membersByGroup(groups: readonly DirectoryGroup[]): Record<string, readonly string[]> {
  return Object.fromEntries(
    flattenGroups(groups).map((group) => [group.externalId, group.memberExternalIds]),
  );
}

describe('flattenGroups', () => {
  it('gives both groups of a two-group cycle (A <-> B) both users', () => {
    const groups = [
      aGroup('A', { users: ['u1'], groups: ['B'] }),
      aGroup('B', { users: ['u2'], groups: ['A'] }),
    ];

    expect(membersByGroup(groups)).toEqual({ A: ['u1', 'u2'], B: ['u1', 'u2'] });
  });

  it('gives every group of a three-group cycle (A -> B -> C -> A) everything', () => {
    const groups = [
      aGroup('A', { users: ['u1'], groups: ['B'] }),
      aGroup('B', { users: ['u2'], groups: ['C'] }),
      aGroup('C', { users: ['u3'], groups: ['A'] }),
    ];

    const all = ['u1', 'u2', 'u3'];
    expect(membersByGroup(groups)).toEqual({ A: all, B: all, C: all });
  });

  it('resolves a cycle deep below a root (A -> B -> C -> D -> B)', () => {
    const groups = [
      aGroup('A', { users: ['a'], groups: ['B'] }),
      aGroup('B', { users: ['b'], groups: ['C'] }),
      aGroup('C', { users: ['c'], groups: ['D'] }),
      aGroup('D', { users: ['d'], groups: ['B'] }),
    ];

    const cycle = ['b', 'c', 'd'];
    expect(membersByGroup(groups)).toEqual({
      A: ['a', ...cycle],
      B: cycle,
      C: cycle,
      D: cycle,
    });
  });

  it('gives each group of a diamond exactly what it can reach', () => {
    const groups = [
      aGroup('Top', { users: ['top'], groups: ['Left', 'Right'] }),
      aGroup('Left', { users: ['left'], groups: ['Bottom'] }),
      aGroup('Right', { users: ['right'], groups: ['Bottom'] }),
      aGroup('Bottom', { users: ['bottom'] }),
    ];

    expect(membersByGroup(groups)).toEqual({
      Top: ['bottom', 'left', 'right', 'top'],
      Left: ['bottom', 'left'],
      Right: ['bottom', 'right'],
      Bottom: ['bottom'],
    });
  });

  it('flattens a 10-level chain so each level holds itself and everything below', () => {
    const levels = Array.from({ length: 10 }, (_, level) =>
      aGroup(`L${level}`, { users: [`u${level}`], groups: level < 9 ? [`L${level + 1}`] : [] }),
    );

    const members = membersByGroup(levels);

    for (let level = 0; level < 10; level += 1) {
      const expected = Array.from({ length: 10 - level }, (_, offset) => `u${level + offset}`);
      expect(members[`L${level}`]).toEqual(expected.sort());
    }
  });

  it('terminates on a 100,000-level chain without overflowing the stack', () => {
    const depth = 100_000;
    const chain = Array.from({ length: depth }, (_, level) =>
      aGroup(`L${level}`, { groups: [`L${(level + 1) % depth}`] }),
    );
    chain[depth - 1] = aGroup(`L${depth - 1}`, { users: ['last'], groups: ['L0'] });

    const flattened = flattenGroups(chain);

    expect(flattened.every((group) => group.memberExternalIds.join() === 'last')).toBe(true);
  });

  it('ignores references to groups that are not in the list and self references', () => {
    const groups = [aGroup('A', { users: ['u1'], groups: ['missing', 'A'] })];

    expect(membersByGroup(groups)).toEqual({ A: ['u1'] });
  });

  it('keeps group identity and lists each member once, sorted', () => {
    const groups = [
      aGroup(
        'A',
        { users: ['z', 'a', 'z'], groups: ['B'] },
        { name: 'Alpha', referenceId: 'cn=a' },
      ),
      aGroup('B', { users: ['a', 'm'] }, { referenceId: 'B' }),
    ];

    expect(flattenGroups(groups)[0]).toEqual({
      externalId: 'A',
      referenceId: 'cn=a',
      name: 'Alpha',
      memberExternalIds: ['a', 'm', 'z'],
    });
  });

  it('leaves its input as it was', () => {
    const groups = [
      aGroup('A', { users: ['u1'], groups: ['B'] }),
      aGroup('B', { users: ['u2'], groups: ['A'] }),
    ];
    const before = structuredClone(groups);

    flattenGroups(groups);

    expect(groups).toEqual(before);
  });

  const randomGraph = () =>
    fc
      .record({
        groupCount: fc.integer({ min: 0, max: 25 }),
        userCount: fc.integer({ min: 0, max: 12 }),
      })
      .chain(({ groupCount, userCount }) =>
        fc.array(
          fc.record({
            users: fc.uniqueArray(fc.integer({ min: 0, max: Math.max(userCount - 1, 0) }), {
              maxLength: userCount,
            }),
            // A few references point past the list, as members outside the synced groups do.
            children: fc.array(fc.integer({ min: 0, max: groupCount + 2 }), { maxLength: 6 }),
            // Shared reference ids happen when a provider yields a group twice.
            referenceAlias: fc.option(fc.integer({ min: 0, max: Math.max(groupCount - 1, 0) }), {
              freq: 8,
            }),
          }),
          { minLength: groupCount, maxLength: groupCount },
        ),
      )
      .map((specs) =>
        specs.map((spec, index) =>
          aGroup(
            `g${index}`,
            {
              users: spec.users.map((user) => `u${user}`),
              groups: spec.children.map((child) => `ref${child}`),
            },
            { referenceId: `ref${spec.referenceAlias ?? index}` },
          ),
        ),
      );

  it('agrees with a naive reachability walk on random graphs', () => {
    fc.assert(
      fc.property(randomGraph(), (groups) => {
        expect(membersByGroup(groups)).toEqual(naiveFlatten(groups));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same answer when told some member ids up front, in any order', () => {
    const knownIds = fc.array(fc.integer({ min: 0, max: 15 }).map((user) => `u${user}`));
    fc.assert(
      fc.property(randomGraph(), knownIds, fc.boolean(), (groups, known, sortFirst) => {
        const given = sortFirst ? [...known].sort() : known;
        const flattened = Object.fromEntries(
          flattenGroups(groups, given).map((group) => [group.externalId, group.memberExternalIds]),
        );
        expect(flattened).toEqual(naiveFlatten(groups));
      }),
      { numRuns: 300 },
    );
  });
});

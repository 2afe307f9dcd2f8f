import type { DirectoryShape } from '@bwdc/fixtures';

/** A directory to load into slapd and the figures to print beside its results. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** Passed to generateDirectory; disabled and deleted users do not exist in these LDAP trees. */
  readonly shape: Partial<DirectoryShape>;
  readonly defaultRuns: number;
  /** Printed for reference; the runner never fails on them, since timings depend on the machine. */
  readonly targets?: Targets;
}

export interface Targets {
  readonly maxSyncToFloor: number;
  readonly maxSyncSeconds: number;
  readonly maxPeakRssMb: number;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'ldap-smoke',
    description: '1,000 users, 60 groups nested 3 levels (CI)',
    shape: { users: 1_000, groups: 60, nestingLevels: 3, cycles: 2, groupsPerUser: 2, seed: 1 },
    defaultRuns: 1,
  },
  {
    name: 'ldap-10k',
    description: '10,000 users, 500 groups nested 4 levels',
    shape: { users: 10_000, groups: 500, nestingLevels: 4, cycles: 5, groupsPerUser: 2, seed: 10 },
    defaultRuns: 5,
  },
  {
    name: 'ldap-100k',
    description: '100,000 users, 5,000 groups nested 4 levels with cycles, one of 25,000 members',
    shape: {
      users: 100_000,
      // 4,999 in the hierarchy plus the big group.
      groups: 4_999,
      nestingLevels: 4,
      cycles: 25,
      groupsPerUser: 2,
      seed: 42,
      bigGroups: [{ members: 25_000 }],
    },
    defaultRuns: 5,
    targets: { maxSyncToFloor: 2, maxSyncSeconds: 12, maxPeakRssMb: 350 },
  },
  {
    name: 'ldap-1m',
    description: '100,000 users in 10 leaf groups each (about 1,000,000 memberships), 5,000 groups',
    shape: {
      users: 100_000,
      groups: 5_000,
      nestingLevels: 4,
      cycles: 25,
      groupsPerUser: 10,
      seed: 7,
    },
    defaultRuns: 5,
  },
];

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.name === name);
}

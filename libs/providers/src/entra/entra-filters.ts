/**
 * Upstream's Entra ID user filter:
 * - `include:a@x,b@x` / `exclude:a@x,b@x`: by email, over all users;
 * - `includeGroup:<id>,…`: only the transitive members of those groups, minus what further
 *   `|excludeGroup:<id>,…` and `|exclude:<email>,…` clauses name;
 * - `excludeGroup:<id>,…`: every user but the transitive members of those groups.
 * Further clauses count only after a leading `includeGroup`, as upstream.
 */
export type EntraUserFilter =
  | { readonly kind: 'all' }
  | {
      readonly kind: 'emails';
      readonly mode: 'include' | 'exclude';
      readonly emails: ReadonlySet<string>;
    }
  | {
      readonly kind: 'groups';
      /** Null: everyone (`excludeGroup` first). */
      readonly includeGroups: readonly string[] | null;
      readonly excludeGroups: readonly string[];
      readonly excludeEmails: ReadonlySet<string>;
    };

/**
 * Upstream's Entra ID group filter: `include:`/`exclude:` display names, or
 * `includeAdministrativeUnit:`/`excludeAdministrativeUnit:` the groups in those units.
 */
export type EntraGroupFilter =
  | { readonly kind: 'all' }
  | {
      readonly kind: 'names';
      readonly mode: 'include' | 'exclude';
      readonly names: ReadonlySet<string>;
    }
  | {
      readonly kind: 'administrative-units';
      readonly mode: 'include' | 'exclude';
      readonly unitIds: readonly string[];
    };

/** A filter that cannot be read; the message says which clause and why. */
export class EntraFilterError extends Error {}

interface Clause {
  readonly keyword: string;
  readonly values: string[];
}

export function parseUserFilter(filter: string | null): EntraUserFilter {
  const clauses = parseClauses(filter, 'user');
  const [first, ...rest] = clauses;
  if (!first) {
    return { kind: 'all' };
  }
  switch (first.keyword) {
    case 'include':
    case 'exclude':
      return { kind: 'emails', mode: first.keyword, emails: new Set(first.values) };
    case 'excludegroup':
      return {
        kind: 'groups',
        includeGroups: null,
        excludeGroups: first.values,
        excludeEmails: new Set(),
      };
    case 'includegroup': {
      const excludeGroups: string[] = [];
      const excludeEmails = new Set<string>();
      for (const clause of rest) {
        if (clause.keyword === 'excludegroup') {
          excludeGroups.push(...clause.values);
        } else if (clause.keyword === 'exclude') {
          clause.values.forEach((email) => excludeEmails.add(email));
        } else {
          throw new EntraFilterError(
            `the user filter can combine includeGroup only with excludeGroup and exclude, not ${clause.keyword}`,
          );
        }
      }
      return { kind: 'groups', includeGroups: first.values, excludeGroups, excludeEmails };
    }
    default:
      throw new EntraFilterError(
        `the user filter must start with include:, exclude:, includeGroup: or excludeGroup:, not "${first.keyword}:"`,
      );
  }
}

export function parseGroupFilter(filter: string | null): EntraGroupFilter {
  const [first] = parseClauses(filter, 'group');
  if (!first) {
    return { kind: 'all' };
  }
  switch (first.keyword) {
    case 'include':
    case 'exclude':
      return { kind: 'names', mode: first.keyword, names: new Set(first.values) };
    case 'includeadministrativeunit':
      return { kind: 'administrative-units', mode: 'include', unitIds: first.values };
    case 'excludeadministrativeunit':
      return { kind: 'administrative-units', mode: 'exclude', unitIds: first.values };
    default:
      throw new EntraFilterError(
        `the group filter must start with include:, exclude:, includeAdministrativeUnit: or excludeAdministrativeUnit:, not "${first.keyword}:"`,
      );
  }
}

/** Whether a name or email passes an include/exclude set (values compared trimmed, lower-case). */
export function passes(
  mode: 'include' | 'exclude',
  set: ReadonlySet<string>,
  value: string | null,
): boolean {
  const key = value === null ? '--' : value.trim().toLowerCase();
  return mode === 'include' ? set.has(key) : !set.has(key);
}

/** `keyword:a,b|keyword:c`: keywords case-insensitive, values trimmed and lower-cased. */
function parseClauses(filter: string | null, side: 'user' | 'group'): Clause[] {
  if (filter === null || filter.trim() === '') {
    return [];
  }
  return filter
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon < 0) {
        throw new EntraFilterError(
          `the ${side} filter clause "${part}" has no keyword (like include:)`,
        );
      }
      return {
        keyword: part.slice(0, colon).trim().toLowerCase(),
        values: part
          .slice(colon + 1)
          .split(',')
          .map((value) => value.trim().toLowerCase())
          .filter((value) => value !== ''),
      };
    });
}

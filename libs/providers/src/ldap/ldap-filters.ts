import { FilterParser } from 'ldapts';

import { LdapError } from './ldap-error';

export interface RevisionCondition {
  readonly attribute: string;
  readonly since: Date;
}

/** The condition that selects one object class, as upstream builds it. */
export function objectClassIs(objectClass: string): string {
  return `(objectClass=${objectClass})`;
}

/**
 * The search filter for one object type: the conditions that select the type (its object class,
 * or AD's people-only conditions), ANDed with the admin's own filter when there is one (upstream's
 * rule), and with a revision-date condition for incremental reads.
 */
export function objectFilter(
  selector: readonly string[],
  userFilter: string | null | undefined,
  revision?: RevisionCondition,
): string {
  const parts = [...selector];
  const own = userFilter?.trim() ?? '';
  if (own !== '') {
    const wrapped = own.startsWith('(') ? own : `(${own})`;
    assertBalanced(wrapped);
    assertParses(wrapped);
    parts.push(wrapped);
  }
  if (revision) {
    parts.push(`(${revision.attribute}>=${generalizedTime(revision.since)})`);
  }
  return `(&${parts.join('')})`;
}

/**
 * A GeneralizedTime as upstream writes it for the revision filter: the ISO time without
 * separators, cut to 16 characters, then `Z` (for example `20240102030405.6Z`).
 */
export function generalizedTime(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 16)}Z`;
}

/**
 * Refuses a filter whose parentheses do not balance. Some servers and parsers accept one and
 * quietly match nothing, which would look like an empty directory.
 */
function assertBalanced(filter: string): void {
  let depth = 0;
  let closedEarly = false;
  for (let index = 0; index < filter.length; index += 1) {
    const char = filter[index];
    if (char === '\\') {
      index += 1;
    } else if (char === '(') {
      depth += 1;
    } else if (char === ')') {
      depth -= 1;
      if (depth === 0 && index !== filter.length - 1) {
        closedEarly = true;
        break;
      }
    }
    if (depth < 0) {
      break;
    }
  }
  if (closedEarly || depth !== 0 || !filter.endsWith(')')) {
    throw new LdapError(
      'LDAP_INVALID_FILTER',
      `The LDAP filter ${filter} is not valid: its parentheses do not match.`,
      'Fix the user or group filter, for example (memberOf=cn=Staff,ou=Groups,dc=example,dc=com).',
    );
  }
}

/** Refuses what the LDAP client could not encode, before anything is read, showing the filter. */
function assertParses(filter: string): void {
  try {
    FilterParser.parseString(filter);
  } catch (error) {
    throw new LdapError(
      'LDAP_INVALID_FILTER',
      `The LDAP filter ${filter} is not valid: ${(error as Error).message}.`,
      'Fix the user or group filter, for example (memberOf=cn=Staff,ou=Groups,dc=example,dc=com).',
      { cause: error },
    );
  }
}

import type { RunningOpenLdap } from '@bwdc/directory-servers';

/** The connector's default page size, used by ldapsearch as well. */
export const PAGE_SIZE = 500;

/**
 * The two searches bwdc makes of the benchmark's directory, with the same attributes (bwdc asks
 * for no uid: the groups' `member` values are DNs): what the ldapsearch floor pages through.
 */
export const FLOOR_SEARCHES = [
  { filter: '(objectClass=inetOrgPerson)', attributes: ['mail'] },
  { filter: '(objectClass=groupOfNames)', attributes: ['cn', 'member'] },
] as const;

/** ldapsearch's arguments for one paged search as the `reader` account, LDIF without comments. */
export function ldapsearchArgs(
  server: RunningOpenLdap,
  filter: string,
  attributes: readonly string[],
): string[] {
  return [
    '-x',
    '-LLL',
    '-H',
    server.url,
    '-D',
    server.reader.dn,
    '-w',
    server.reader.password,
    '-b',
    server.suffix,
    '-E',
    `pr=${PAGE_SIZE}/noprompt`,
    filter,
    ...attributes,
  ];
}

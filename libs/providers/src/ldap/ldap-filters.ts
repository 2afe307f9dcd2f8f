/**
 * The search filter for one object type: the object class, ANDed with the admin's own filter
 * when there is one (upstream's rule), and with a revision-date condition for incremental reads.
 */
export function objectFilter(
  objectClass: string,
  userFilter: string | null | undefined,
  revision?: { readonly attribute: string; readonly since: Date },
): string {
  const parts = [`(objectClass=${objectClass})`];
  const own = userFilter?.trim() ?? '';
  if (own !== '') {
    parts.push(own.startsWith('(') ? own : `(${own})`);
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

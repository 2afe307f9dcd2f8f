import { dnKey, isAtOrBelow, leafRdn, parentKey, splitDn } from './dn';

export type AdLikeValue = string | Buffer;

/** One object as a test describes it; `Buffer` values (objectGUID, objectSid) stay binary. */
export interface AdLikeEntry {
  readonly dn: string;
  readonly attributes: Readonly<Record<string, AdLikeValue | readonly AdLikeValue[]>>;
}

export interface StoredAttribute {
  /** The name as the test spelled it; AD answers with its schema's spelling the same way. */
  readonly name: string;
  readonly values: readonly AdLikeValue[];
}

export interface StoredEntry {
  readonly dn: string;
  readonly key: string;
  /** Attributes in answer order, keyed by lower-case name. */
  readonly attributes: ReadonlyMap<string, StoredAttribute>;
}

export interface Directory {
  readonly baseDn: string;
  readonly baseKey: string;
  /** In the order the test gave them, each synthesised parent before its first child. */
  readonly entries: readonly StoredEntry[];
  readonly byKey: ReadonlyMap<string, StoredEntry>;
}

// Back-links AD maintains itself; a test that set them could contradict the forward links.
const BACK_LINKS = ['memberof'];

/**
 * The directory a test describes, completed the way AD would hold it: every object has its
 * parents (the domain root, OUs, containers), a `distinguishedName`, and `memberOf` back-links
 * computed from the groups' `member` values.
 */
export function buildDirectory(baseDn: string, given: readonly AdLikeEntry[]): Directory {
  const baseKey = dnKey(baseDn);
  if (baseKey === '') {
    throw new Error('baseDn must not be empty');
  }
  const drafts = new Map<string, { dn: string; attributes: Map<string, StoredAttribute> }>();
  const ordered: string[] = [];
  const add = (dn: string, attributes: Map<string, StoredAttribute>): void => {
    const key = dnKey(dn);
    drafts.set(key, { dn, attributes });
    ordered.push(key);
  };

  const givenKeys = new Set<string>();
  for (const entry of given) {
    const key = dnKey(entry.dn);
    if (!isAtOrBelow(key, baseKey)) {
      throw new Error(`entry ${entry.dn} is not under ${baseDn}`);
    }
    if (givenKeys.has(key)) {
      throw new Error(`entry ${entry.dn} is given twice`);
    }
    givenKeys.add(key);
  }

  for (const entry of given) {
    // Ancestors first, synthesised where the test left them out, as AD has no orphans.
    const rdns = splitDn(entry.dn);
    for (let depth = rdns.length - 1; depth >= 1; depth -= 1) {
      const ancestor = rdns.slice(depth).join(',');
      const key = dnKey(ancestor);
      if (isAtOrBelow(key, baseKey) && !drafts.has(key) && !givenKeys.has(key)) {
        add(ancestor, containerAttributes(ancestor));
      }
    }
    add(entry.dn, toAttributes(entry));
  }
  if (!drafts.has(baseKey)) {
    drafts.set(baseKey, { dn: baseDn, attributes: containerAttributes(baseDn) });
    ordered.unshift(baseKey);
  }

  addBackLinks(drafts);
  const entries = ordered.map((key): StoredEntry => {
    const draft = drafts.get(key);
    if (draft === undefined) {
      throw new Error(`internal: lost ${key}`);
    }
    if (!draft.attributes.has('distinguishedname')) {
      draft.attributes.set('distinguishedname', {
        name: 'distinguishedName',
        values: [draft.dn],
      });
    }
    return { dn: draft.dn, key, attributes: draft.attributes };
  });
  return {
    baseDn,
    baseKey,
    entries,
    byKey: new Map(entries.map((entry) => [entry.key, entry])),
  };
}

function toAttributes(entry: AdLikeEntry): Map<string, StoredAttribute> {
  const attributes = new Map<string, StoredAttribute>();
  for (const [name, raw] of Object.entries(entry.attributes)) {
    const lower = name.toLowerCase();
    if (BACK_LINKS.includes(lower)) {
      throw new Error(
        `${entry.dn}: ${name} is a back-link AD computes from the groups' member values; ` +
          'list the member in the group instead',
      );
    }
    if (attributes.has(lower)) {
      throw new Error(`${entry.dn}: attribute ${name} is given twice (names ignore case)`);
    }
    const values: readonly AdLikeValue[] = Array.isArray(raw) ? raw : [raw as AdLikeValue];
    if (values.length > 0) {
      attributes.set(lower, { name, values });
    }
  }
  return attributes;
}

/** A parent the test did not describe: an OU, a container or the domain root. */
function containerAttributes(dn: string): Map<string, StoredAttribute> {
  const [type, value] = leafRdn(dn);
  const lower = type.toLowerCase();
  const objectClass =
    lower === 'dc'
      ? ['top', 'domain', 'domainDNS']
      : lower === 'ou'
        ? ['top', 'organizationalUnit']
        : ['top', 'container'];
  return new Map([
    ['objectclass', { name: 'objectClass', values: objectClass }],
    [lower, { name: type, values: [value] }],
  ]);
}

function addBackLinks(
  drafts: ReadonlyMap<string, { dn: string; attributes: Map<string, StoredAttribute> }>,
): void {
  const memberOf = new Map<string, string[]>();
  for (const group of drafts.values()) {
    for (const member of group.attributes.get('member')?.values ?? []) {
      const key = dnKey(member.toString());
      // A member outside the test's directory (a foreign principal) gets no back-link.
      if (drafts.has(key)) {
        memberOf.set(key, [...(memberOf.get(key) ?? []), group.dn]);
      }
    }
  }
  for (const [key, groups] of memberOf) {
    drafts.get(key)?.attributes.set('memberof', { name: 'memberOf', values: groups });
  }
}

/** Whether `entry` is in the scope of a search from `base` (a StoredEntry key). */
export function inScope(entry: StoredEntry, baseKey: string, scope: SearchScope): boolean {
  switch (scope) {
    case 'base':
      return entry.key === baseKey;
    case 'one':
      return parentKey(entry.key) === baseKey;
    case 'sub':
      return isAtOrBelow(entry.key, baseKey);
    case 'children':
      return entry.key !== baseKey && isAtOrBelow(entry.key, baseKey);
  }
}

export type SearchScope = 'base' | 'one' | 'sub' | 'children';

/** The nearest existing ancestor of a missing DN, for noSuchObject's matchedDN. */
export function bestMatch(directory: Directory, key: string): StoredEntry | undefined {
  let current = parentKey(key);
  while (current !== '') {
    const found = directory.byKey.get(current);
    if (found !== undefined) {
      return found;
    }
    current = parentKey(current);
  }
  return undefined;
}

import type { DirectoryUser } from '@bwdc/core';

import { looksLikeDn, normaliseDn } from './distinguished-name';

export type ResolvedMember =
  | { readonly kind: 'user'; readonly externalId: string }
  | { readonly kind: 'dn'; readonly normalisedDn: string }
  | { readonly kind: 'unknown-uid' };

/** The users read, and how a group's member values find them. */
export class UserIndex {
  readonly list: DirectoryUser[] = [];
  private readonly byDn = new Map<string, string>();
  /**
   * The same users by their DN exactly as the server sent it. Servers write a `member` value the
   * way they wrote the entry's DN, so most values are found here without normalising them, which
   * cost a tenth of a 100,000-user read.
   */
  private readonly byDnAsSent = new Map<string, string>();
  private readonly byUid = new Map<string, string>();
  private readonly byPrimaryGroup = new Map<number, string[]>();

  add(user: DirectoryUser, links: { uid?: string | undefined; primaryGroupId?: number }): void {
    this.list.push(user);
    this.byDn.set(normaliseDn(user.referenceId), user.externalId);
    this.byDnAsSent.set(user.referenceId, user.externalId);
    if (links.uid !== undefined) {
      this.byUid.set(links.uid.toLowerCase(), user.externalId);
    }
    if (links.primaryGroupId !== undefined) {
      const members = this.byPrimaryGroup.get(links.primaryGroupId);
      if (members) {
        members.push(user.externalId);
      } else {
        this.byPrimaryGroup.set(links.primaryGroupId, [user.externalId]);
      }
    }
  }

  /**
   * A `member`/`uniqueMember` DN (a `#'…'B` unique-identifier suffix dropped) is a user when it
   * names one, else a possible nested group; any other value is a `memberUid`.
   */
  resolve(value: string): ResolvedMember {
    const sameDn = this.byDnAsSent.get(value);
    if (sameDn !== undefined) {
      return { kind: 'user', externalId: sameDn };
    }
    if (looksLikeDn(value)) {
      const normalisedDn = normaliseDn(value.replace(/#'[01]*'B$/, ''));
      const externalId = this.byDn.get(normalisedDn);
      return externalId ? { kind: 'user', externalId } : { kind: 'dn', normalisedDn };
    }
    const externalId = this.byUid.get(value.trim().toLowerCase());
    return externalId ? { kind: 'user', externalId } : { kind: 'unknown-uid' };
  }

  /** The users whose primary group has this RID (AD keeps them out of the group's `member`). */
  primaryGroupMembers(relativeId: number): readonly string[] {
    return this.byPrimaryGroup.get(relativeId) ?? [];
  }
}

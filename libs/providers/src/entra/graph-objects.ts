import type { DirectoryUser, SkippedUserReason } from '@bwdc/core';

/** The user fields every user call asks for (`$select`). */
export const USER_FIELDS = 'id,mail,userPrincipalName,accountEnabled,userType';
/** Graph's largest page; upstream left the default of 100, so 10,000 users took 100 calls. */
export const PAGE_SIZE = 999;

export const USER_TYPE = '#microsoft.graph.user';
export const GROUP_TYPE = '#microsoft.graph.group';

/** A directory object as Graph lists it: a user, a group, or a member of either kind. */
export interface GraphObject {
  readonly id: string;
  readonly '@odata.type'?: string;
  readonly '@removed'?: { readonly reason?: string };
  readonly displayName?: string | null;
  readonly mail?: string | null;
  readonly userPrincipalName?: string | null;
  readonly accountEnabled?: boolean | null;
  readonly userType?: string | null;
}

/** Why a user Graph listed is not synced (upstream skipped them without a word). */
export type SkipReason = SkippedUserReason;

export type MappedUser =
  | { readonly user: DirectoryUser; readonly skipped?: undefined }
  | { readonly user?: undefined; readonly skipped: SkipReason };

/**
 * Upstream's email: `mail`, unless it is empty or an `onmicrosoft.com` address, then the UPN.
 * Trimmed and lower-cased.
 */
export function emailOf(user: GraphObject): string | null {
  const mail = user.mail?.trim() ?? '';
  const chosen =
    mail === '' || mail.toLowerCase().includes('onmicrosoft.com')
      ? (user.userPrincipalName?.trim() ?? '')
      : mail;
  return chosen === '' ? null : chosen.toLowerCase();
}

/**
 * A Graph user as the connector syncs it. Guests (an `#EXT#` UPN as the email) are skipped as
 * upstream skips them, and so are active users without an email.
 */
export function mapUser(user: GraphObject): MappedUser {
  const email = emailOf(user);
  const disabled = user.accountEnabled === false;
  if (email?.includes('#')) {
    return { skipped: 'guest' };
  }
  if (email === null && !disabled) {
    return { skipped: 'no-email' };
  }
  return { user: { externalId: user.id, referenceId: user.id, email, disabled, deleted: false } };
}

/** A soft-deleted user from the delta query: removed from Bitwarden by its external id. */
export function deletedUser(id: string): DirectoryUser {
  return { externalId: id, referenceId: id, email: null, disabled: false, deleted: true };
}

export function isUser(object: GraphObject): boolean {
  return object['@odata.type'] === USER_TYPE;
}

export function isGroup(object: GraphObject): boolean {
  return object['@odata.type'] === GROUP_TYPE;
}

/** A path segment for an id from a filter (upstream lower-cased group ids too). */
export function idSegment(id: string): string {
  return encodeURIComponent(id.trim().toLowerCase());
}

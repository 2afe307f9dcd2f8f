/**
 * An AD objectGUID (16 bytes) as the string upstream sends as the member's external id: the
 * first three groups are stored little-endian, so their bytes are reversed. Keeping upstream's
 * format means members an upstream connector created keep matching.
 */
export function objectGuidToString(guid: Uint8Array): string {
  if (guid.length !== 16) {
    throw new Error(`An objectGUID has 16 bytes, not ${guid.length}.`);
  }
  const hex = (from: number, to: number, reverse = false): string => {
    const bytes = Array.from(guid.subarray(from, to));
    return (reverse ? bytes.reverse() : bytes)
      .map((byte) => byte.toString(16).padStart(2, '0'))
      .join('');
  };
  return [hex(0, 4, true), hex(4, 6, true), hex(6, 8, true), hex(8, 10), hex(10, 16)].join('-');
}

/** ACCOUNTDISABLE, bit 2 of userAccountControl. */
const ACCOUNT_DISABLED = 0x2;

export function isAccountDisabled(userAccountControl: string | number | undefined): boolean {
  const flags = Number(userAccountControl ?? 0);
  return Number.isInteger(flags) && (flags & ACCOUNT_DISABLED) !== 0;
}

/**
 * The relative id (RID) of an objectSid: its last sub-authority, stored little-endian. A user's
 * `primaryGroupID` holds the RID of its primary group, which AD never lists in `member`.
 */
export function sidRelativeId(sid: Uint8Array): number {
  // Revision (1), sub-authority count (1), authority (6), then count x 4-byte sub-authorities.
  const count = sid[1] ?? 0;
  if (sid.length < 8 + 4 * count || count === 0) {
    throw new Error(
      `An objectSid of ${sid.length} bytes with ${count} sub-authorities is malformed.`,
    );
  }
  const last = 8 + 4 * (count - 1);
  return new DataView(sid.buffer, sid.byteOffset + last, 4).getUint32(0, true);
}

/**
 * People only: user accounts. `objectClass=user` alone would add computers (a subclass of user)
 * and `objectClass=person` (upstream's) also contacts; both carry `mail` and must not get seats.
 */
export const AD_PEOPLE: readonly string[] = ['(objectCategory=person)', '(objectClass=user)'];

/** Administrator, Guest, krbtgt and the other built-ins AD marks as critical system objects. */
export const AD_NOT_SYSTEM_ACCOUNT = '(!(isCriticalSystemObject=TRUE))';

/**
 * Deleted user accounts in Deleted Objects. A tombstone keeps objectClass but not objectCategory,
 * nor most attributes the admin's filter may use, so only the class and isDeleted select it
 * (as upstream).
 */
export const AD_DELETED_PEOPLE: readonly string[] = [
  '(objectClass=user)',
  '(!(objectClass=computer))',
  '(isDeleted=TRUE)',
];

/** LDAP_SERVER_SHOW_DELETED_OID: without it AD hides tombstones from every search. */
export const SHOW_DELETED_CONTROL_OID = '1.2.840.113556.1.4.417';

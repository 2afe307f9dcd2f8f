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

/** Upstream stores every secret as JSON.stringify(value); we do the same so both can read it. */
export function encodeSecret(value: string): string {
  return JSON.stringify(value);
}

/** Reads upstream's JSON-encoded text; entries other tools wrote are plain text. */
export function decodeSecret(stored: string): string {
  try {
    const parsed: unknown = JSON.parse(stored);
    return typeof parsed === 'string' ? parsed : stored;
  } catch {
    return stored;
  }
}

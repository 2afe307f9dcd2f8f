/**
 * Keys that more than one entry of the file claims, each with where: `alice (lines 3 and 9)`.
 * Two users with one external id would make membership ambiguous, so the read refuses them.
 */
export function duplicateKeys<T>(
  entries: readonly T[],
  keyOf: (entry: T) => string,
  whereOf: (entry: T) => string,
): string[] {
  const places = new Map<string, string[]>();
  for (const entry of entries) {
    const key = keyOf(entry);
    places.set(key, [...(places.get(key) ?? []), whereOf(entry)]);
  }
  return [...places]
    .filter(([, where]) => where.length > 1)
    .map(([key, where]) => `${key} (${where.join(', ')})`);
}

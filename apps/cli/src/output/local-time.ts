/**
 * An instant as ISO 8601 in local time with its offset (`2026-11-26T07:15:29+01:00`): what an admin
 * compares with the clock and the logs of the machine, still unambiguous when pasted elsewhere.
 */
export function localIsoTime(
  iso: string,
  offsetMinutes: number = -new Date(iso).getTimezoneOffset(),
): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) {
    return iso;
  }
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const offset = `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
  return `${shifted.toISOString().slice(0, 19)}${offset}`;
}

const pad = (value: number): string => String(value).padStart(2, '0');

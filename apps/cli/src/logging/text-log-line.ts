/** Fields every pino record carries that the text line shows in its own place, or not at all. */
const PLACED_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname']);

/**
 * One pino JSON record as one readable line: `time LEVEL message key=value ...`. Used for
 * `--log-format text`; it formats in this thread (no pino transport or worker), so the CLI stays
 * one bundled file. A line that is not a JSON object is passed through as it is.
 */
export function textLogLine(jsonLine: string): string {
  let record: unknown;
  try {
    record = JSON.parse(jsonLine);
  } catch {
    return jsonLine.endsWith('\n') ? jsonLine : `${jsonLine}\n`;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return `${jsonLine.trimEnd()}\n`;
  }
  const fields = record as Record<string, unknown>;
  const time = typeof fields['time'] === 'string' ? fields['time'] : String(fields['time'] ?? '');
  const level = String(fields['level'] ?? 'info').toUpperCase();
  const message = String(fields['msg'] ?? '');
  const rest = Object.entries(fields)
    .filter(([name]) => !PLACED_FIELDS.has(name))
    .map(([name, value]) => `${name}=${textValue(value)}`);
  return `${[time, level.padEnd(5), message, ...rest].filter((part) => part !== '').join(' ')}\n`;
}

function textValue(value: unknown): string {
  if (typeof value === 'string') {
    return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  }
  return JSON.stringify(value) ?? String(value);
}

import pino, { type Logger as PinoLogger } from 'pino';

import type { LogFormat, LogLevelName } from './log-options';
import { REDACTED, redactedPaths, secretScrubber } from './log-redaction';
import { textLogLine } from './text-log-line';

export type ServiceLog = PinoLogger;

export interface ServiceLogOptions {
  readonly format: LogFormat;
  readonly level: LogLevelName;
  /** Where each finished line goes (stdout for `bwdc serve`). Called synchronously. */
  readonly write: (line: string) => void;
  /** Strings never to print, wherever they turn up (the webhook URL and its path). */
  readonly secrets?: readonly string[];
}

/**
 * The service's logger: pino writing synchronously to `write`, one JSON object per line with
 * `level` (a name), `time` (ISO 8601) and `msg`, or the same record as one text line. No pino
 * transport: those run in worker threads that an esbuild bundle cannot carry.
 */
export function createServiceLog(options: ServiceLogOptions): ServiceLog {
  const scrub = secretScrubber(options.secrets ?? []);
  const format = options.format === 'text' ? textLogLine : (line: string) => line;
  return pino(
    {
      level: options.level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactedPaths(), censor: REDACTED },
      hooks: { streamWrite: scrub },
    },
    { write: (line: string) => options.write(format(line)) },
  );
}

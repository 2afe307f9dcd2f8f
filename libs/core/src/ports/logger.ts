export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Structured log fields; never put a secret in one. */
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  log(level: LogLevel, message: string, fields?: LogFields): void;
}

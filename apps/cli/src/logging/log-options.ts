/** How `bwdc serve` writes its log: one JSON object per line, or one readable line per record. */
export type LogFormat = 'json' | 'text';
export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

export const LOG_FORMATS: readonly LogFormat[] = ['json', 'text'];
export const LOG_LEVELS: readonly LogLevelName[] = ['debug', 'info', 'warn', 'error'];

export const isLogFormat = (value: string): value is LogFormat =>
  (LOG_FORMATS as readonly string[]).includes(value);

export const isLogLevel = (value: string): value is LogLevelName =>
  (LOG_LEVELS as readonly string[]).includes(value);

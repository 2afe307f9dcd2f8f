import {
  LOG_FORMATS,
  LOG_LEVELS,
  isLogFormat,
  isLogLevel,
  type LogFormat,
  type LogLevelName,
} from '../logging/log-options';
import { ServeOptionError } from './serve-option.error';

/** The port `bwdc serve` listens on when neither --port nor BWDC_SERVE_PORT says otherwise. */
export const DEFAULT_SERVE_PORT = 8087;
export const DEFAULT_SERVE_HOST = '127.0.0.1';

/** The flags as commander hands them over. */
export interface ServeFlags {
  readonly port?: string;
  readonly host?: string;
  readonly intervalSeconds?: string;
  readonly logFormat?: string;
  readonly logLevel?: string;
  readonly webhookUrl?: string;
}

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** Replaces the data file's schedule and interval when set (seconds, at least 1). */
  readonly intervalSeconds: number | null;
  readonly logFormat: LogFormat;
  readonly logLevel: LogLevelName;
  /** Never logged: it often carries a token. */
  readonly webhookUrl: string | null;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The flags, with their environment variables behind them: BWDC_SERVE_PORT, BWDC_SERVE_HOST,
 * BWDC_LOG_FORMAT, BWDC_LOG_LEVEL (BITWARDENCLI_CONNECTOR_DEBUG=true means debug), BWDC_WEBHOOK_URL.
 *
 * @throws ServeOptionError naming the first value that cannot be used.
 */
export function serveOptions(flags: ServeFlags, env: Env, logIsTerminal: boolean): ServeOptions {
  return {
    port: port(flags.port ?? env['BWDC_SERVE_PORT']),
    host: nonEmpty(flags.host ?? env['BWDC_SERVE_HOST']) ?? DEFAULT_SERVE_HOST,
    intervalSeconds: intervalSeconds(flags.intervalSeconds),
    logFormat: logFormat(flags.logFormat ?? env['BWDC_LOG_FORMAT'], logIsTerminal),
    logLevel: logLevel(flags.logLevel ?? env['BWDC_LOG_LEVEL'], env),
    webhookUrl: webhookUrl(flags.webhookUrl ?? env['BWDC_WEBHOOK_URL']),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function port(value: string | undefined): number {
  const given = nonEmpty(value);
  if (given === undefined) {
    return DEFAULT_SERVE_PORT;
  }
  const parsed = Number(given);
  if (!/^\d+$/.test(given) || parsed > 65_535) {
    throw new ServeOptionError('--port', given, 'a port number from 0 to 65535 (0: any free port)');
  }
  return parsed;
}

function intervalSeconds(value: string | undefined): number | null {
  const given = nonEmpty(value);
  if (given === undefined) {
    return null;
  }
  const parsed = Number(given);
  if (!/^\d+$/.test(given) || parsed < 1) {
    throw new ServeOptionError('--interval-seconds', given, 'a whole number of seconds, 1 or more');
  }
  return parsed;
}

function logFormat(value: string | undefined, logIsTerminal: boolean): LogFormat {
  const given = nonEmpty(value);
  if (given === undefined) {
    return logIsTerminal ? 'text' : 'json';
  }
  if (!isLogFormat(given)) {
    throw new ServeOptionError('--log-format', given, `one of ${LOG_FORMATS.join(', ')}`);
  }
  return given;
}

function logLevel(value: string | undefined, env: Env): LogLevelName {
  const given = nonEmpty(value);
  if (given === undefined) {
    return env['BITWARDENCLI_CONNECTOR_DEBUG'] === 'true' ? 'debug' : 'info';
  }
  if (!isLogLevel(given)) {
    throw new ServeOptionError('--log-level', given, `one of ${LOG_LEVELS.join(', ')}`);
  }
  return given;
}

function webhookUrl(value: string | undefined): string | null {
  const given = nonEmpty(value);
  if (given === undefined) {
    return null;
  }
  let parsed: URL | null = null;
  try {
    parsed = new URL(given);
  } catch {
    parsed = null;
  }
  if (parsed === null || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    // The value itself is not repeated: a webhook URL is a secret.
    throw new ServeOptionError('--webhook-url', '(not shown)', 'an http:// or https:// URL');
  }
  return given;
}

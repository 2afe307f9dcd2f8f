import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import * as path from 'node:path';

import type { Logger } from '@bwdc/core';
import { DATA_FOLDER_MODE } from '@bwdc/storage';

/** Beside data.json. */
export const LOG_FILE_NAME = 'desktop.log';

/** Past this size at start the log is moved to `desktop.log.old` (one generation kept). */
export const LOG_ROTATE_BYTES = 5 * 1024 * 1024;

export interface DesktopLog {
  readonly logger: Logger;
  close(): Promise<void>;
}

/**
 * Main's log: each line to the console (`write`, stderr) and appended, with its time, to
 * `desktop.log` in the data folder, readable by its owner alone. Debug lines only with
 * BITWARDENCLI_CONNECTOR_DEBUG=true, as in bwdc. Messages only: by the Logger contract they hold
 * no secret, and fields are left out so nothing else can slip one in. A log file that cannot be
 * written costs the file, never the app.
 */
export async function openDesktopLog(options: {
  readonly dataDirectory: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly write: (text: string) => void;
  readonly now?: () => Date;
}): Promise<DesktopLog> {
  const { write, now = () => new Date() } = options;
  const debug = options.env['BITWARDENCLI_CONNECTOR_DEBUG'] === 'true';
  const file = await openLogFile(options.dataDirectory, write);
  return {
    logger: {
      log: (level, message) => {
        if (level === 'debug' && !debug) {
          return;
        }
        write(`${level}: ${message}\n`);
        file?.write(`${now().toISOString()} ${level}: ${message}\n`);
      },
    },
    close: () =>
      new Promise((resolve) => {
        if (file === undefined || file.closed) {
          resolve();
        } else {
          file.end(resolve);
        }
      }),
  };
}

async function openLogFile(
  dataDirectory: string,
  warn: (text: string) => void,
): Promise<WriteStream | undefined> {
  const file = path.join(dataDirectory, LOG_FILE_NAME);
  try {
    await mkdir(dataDirectory, { recursive: true, mode: DATA_FOLDER_MODE });
    if ((await sizeOf(file)) > LOG_ROTATE_BYTES) {
      await rename(file, `${file}.old`);
    }
  } catch (error) {
    warn(`warn: The log file ${file} cannot be written: ${messageOf(error)}\n`);
    return undefined;
  }
  const stream = createWriteStream(file, { flags: 'a', mode: 0o600 });
  stream.on('error', (error) => {
    warn(`warn: The log file ${file} cannot be written: ${messageOf(error)}\n`);
  });
  return stream;
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

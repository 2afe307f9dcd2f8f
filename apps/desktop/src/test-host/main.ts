import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

import type { Logger } from '@bwdc/core';
import { DATA_FILE_NAME, resolveDataFilePath } from '@bwdc/storage';

import packageJson from '../../package.json';
import { NO_DESKTOP_SHELL } from '../main/bridge/desktop-shell';
import { composeDesktop } from '../main/compose-desktop';
import { scaledTime } from './scaled-time';
import { startDesktopTestHost } from './start-desktop-test-host';

/**
 * Development entry: the real Connector over a data file, served on the loopback interface.
 *
 *   npx tsx apps/desktop/src/test-host/main.ts --data-dir <dir> [--static <built renderer>]
 *     [--time-scale <n>]
 *
 * Without --data-dir it uses the data file `bwdc data-file` names. Prints the URL and the token on
 * stdout, one per line, so a script can read them; Ctrl+C (or SIGTERM) stops it. --time-scale runs
 * the scheduler's time n times faster (300 makes the 5-minute minimum interval a second).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      static: { type: 'string' },
      'time-scale': { type: 'string' },
    },
    strict: true,
  });
  const dataDir = values['data-dir'];
  const time = values['time-scale'] === undefined ? {} : scaledTime(Number(values['time-scale']));
  const desktop = await composeDesktop({
    dataFilePath:
      dataDir === undefined
        ? resolveDataFilePath({
            env: process.env,
            platform: process.platform,
            homeDir: os.homedir(),
            cwd: process.cwd(),
          })
        : path.resolve(dataDir, DATA_FILE_NAME),
    env: process.env,
    platform: process.platform,
    version: packageJson.version,
    logger: stderrLogger,
    shell: NO_DESKTOP_SHELL,
    ...time,
  });
  const host = await startDesktopTestHost({
    bridge: desktop.bridge,
    ...(values.static === undefined ? {} : { staticDir: values.static }),
  });
  process.stdout.write(`url: ${host.url}\ntoken: ${host.token}\n`);
  // SIGTERM too, for a test runner that stops its web server politely.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      Promise.all([host.stop(), desktop.dispose()]).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

/** Logs to stderr, stdout being kept for url and token; debug lines as in bwdc, on request. */
const stderrLogger: Logger = {
  log: (level, message) => {
    if (level !== 'debug' || process.env['BITWARDENCLI_CONNECTOR_DEBUG'] === 'true') {
      process.stderr.write(`${level}: ${message}\n`);
    }
  },
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

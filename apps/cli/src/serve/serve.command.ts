import type { DataFileStore } from '@bwdc/storage';
import type { Command } from 'commander';

import type { CliResponse } from '../output';
import type * as RunService from './run-service';
import {
  DEFAULT_SERVE_HOST,
  DEFAULT_SERVE_PORT,
  serveOptions,
  type ServeFlags,
} from './serve-options';
import type { ServiceHost } from './service-host';

export interface ServeCommandDependencies {
  readonly version: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The process serve runs in; absent where serve cannot run (it then refuses, saying so). */
  readonly service: ServiceHost | undefined;
  readonly openDataFile: () => Promise<DataFileStore>;
  readonly respond: (run: () => Promise<CliResponse> | CliResponse) => Promise<void>;
  readonly setExitCode: (code: number) => void;
}

/**
 * `bwdc serve`: scheduled syncs with /health, /metrics, JSON logs and webhooks. Only the flags are
 * parsed here; the runtime (pino, prom-client, croner, storage) is loaded when serve starts, so
 * that `bwdc --version` and every other command start without it.
 */
export function registerServeCommand(
  program: Command,
  dependencies: ServeCommandDependencies,
): void {
  program
    .command('serve')
    .description(
      'Run as a service: sync on the schedule (sync.schedule or sync.interval), serve /health and /metrics, log as JSON lines, and post webhooks on failure and recovery. Stops on SIGINT or SIGTERM.',
    )
    .option(
      '--port <port>',
      `port for /health and /metrics; 0 picks a free one (default ${DEFAULT_SERVE_PORT}, env BWDC_SERVE_PORT)`,
    )
    .option(
      '--host <address>',
      `address to listen on; 0.0.0.0 in a container (default ${DEFAULT_SERVE_HOST}, env BWDC_SERVE_HOST)`,
    )
    .option(
      '--log-format <format>',
      'json or text (default: text on a terminal, else json; env BWDC_LOG_FORMAT)',
    )
    .option('--log-level <level>', 'debug, info, warn or error (default info; env BWDC_LOG_LEVEL)')
    .option(
      '--webhook-url <url>',
      'POST a JSON notification here on failure, guard refusal and recovery (env BWDC_WEBHOOK_URL)',
    )
    .option(
      '--interval-seconds <seconds>',
      'sync every this many seconds instead of the data file schedule (for testing)',
    )
    .action(async (flags: ServeFlags) => {
      const host = dependencies.service;
      let options: ReturnType<typeof serveOptions>;
      try {
        if (host === undefined) {
          throw new Error('bwdc serve cannot run here: this build of bwdc has no service host.');
        }
        options = serveOptions(flags, dependencies.env, host.logIsTerminal);
      } catch (error) {
        await dependencies.respond(() => {
          throw error;
        });
        return;
      }
      const runtime = require('./run-service') as typeof RunService;
      dependencies.setExitCode(
        await runtime.runService({
          options,
          host,
          version: dependencies.version,
          openDataFile: dependencies.openDataFile,
        }),
      );
    });
}

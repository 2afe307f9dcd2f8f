import { setTimeout as delay } from 'node:timers/promises';

import type { Connector } from '@bwdc/core';
import { DATA_KEYS, type DataFileStore } from '@bwdc/storage';

import { connectorLogger } from '../logging/connector-logger';
import { webhookSecrets } from '../logging/log-redaction';
import { createServiceLog, type ServiceLog } from '../logging/service-log';
import { HealthTracker, healthHttpStatus } from './health';
import { runFailure } from './run-result';
import type { ScheduleSettings } from './schedule';
import type { ServeOptions } from './serve-options';
import { ServiceLoop } from './service-loop';
import { close, createServiceHttpServer, listen } from './service-http-server';
import type { ServiceHost } from './service-host';
import { ServiceMetrics } from './service-metrics';
import { WebhookNotifier } from './webhook-notifier';

/** How long a stop waits for a running sync before the process ends anyway. */
export const SHUTDOWN_GRACE_MS = 30_000;

export interface ServiceInput {
  readonly options: ServeOptions;
  readonly host: ServiceHost;
  readonly version: string;
  readonly openDataFile: () => Promise<DataFileStore>;
}

/**
 * `bwdc serve`, from start to stop: the log, the Connector, /health and /metrics, the webhooks and
 * the loop of scheduled syncs. Loaded only when serve runs (pino, prom-client, croner and storage
 * stay out of every other command's start). Resolves with the exit code once stopped: 0 after a
 * signal, 1 when the service could not start (the reason is logged).
 */
export async function runService(input: ServiceInput): Promise<number> {
  const { options, host } = input;
  const log = createServiceLog({
    format: options.logFormat,
    level: options.logLevel,
    write: host.writeLog,
    secrets: webhookSecrets(options.webhookUrl),
  });
  let started: StartedService;
  try {
    started = await start(input, log);
  } catch (error) {
    const failure = runFailure(error);
    log.error(
      { code: failure.code, side: failure.side },
      `bwdc serve could not start: ${failure.message}`,
    );
    return 1;
  }
  return started.stopped;
}

interface StartedService {
  /** Resolves with the exit code once the service has stopped. */
  readonly stopped: Promise<number>;
}

async function start(input: ServiceInput, log: ServiceLog): Promise<StartedService> {
  const { options, host, version } = input;
  const store = await input.openDataFile();
  const connector = await host.openConnector(connectorLogger(log));
  let organizationId: string | null = null;

  const health = new HealthTracker(version);
  const metrics = new ServiceMetrics(version);
  const notifier =
    options.webhookUrl === null
      ? null
      : new WebhookNotifier({
          url: options.webhookUrl,
          service: { host: host.hostname, version },
          log,
        });
  const server = createServiceHttpServer({
    health: () => health.report(),
    metrics: () => metrics.render(),
    metricsContentType: metrics.contentType,
  });
  const address = await listen(server, options.port, options.host).catch((error: unknown) => {
    throw listenError(error, options);
  });
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  log.info(
    { address: address.address, port: address.port, url, version, webhook: notifier !== null },
    `bwdc serve ${version} is listening on ${url} (GET /health, GET /metrics).`,
  );

  const updateHealthy = (): void => metrics.setHealthy(healthHttpStatus(health.status()) === 200);
  const loop = new ServiceLoop({
    sync: () => syncOnce(connector),
    readSettings: async () => {
      const file = await store.read();
      organizationId = DATA_KEYS.organizationId.read(file);
      return scheduleSettings(DATA_KEYS.syncOptions.read(file));
    },
    intervalSeconds: options.intervalSeconds,
    now: () => new Date(),
    sleep: (ms, signal) => delay(ms, undefined, { signal }).catch(() => undefined),
    log,
    onSchedule: (schedule, nextRunAt) => {
      health.scheduleChanged(schedule, nextRunAt);
      updateHealthy();
    },
    onRunFinished: (result) => {
      health.runFinished(result);
      metrics.runFinished(result);
      updateHealthy();
      notifier?.runFinished(result, organizationId);
      if (connector.lastRun !== undefined) {
        metrics.runRecorded(connector.lastRun);
      }
    },
  });

  const shutdown: { stopping: Promise<void> | null; abandoned: boolean } = {
    stopping: null,
    abandoned: false,
  };
  let stopRequested: () => void = () => undefined;
  const stopRequest = new Promise<void>((resolve) => {
    stopRequested = resolve;
  });
  const unsubscribe = host.onStopSignal((signal) => {
    stopRequested();
    shutdown.stopping ??= (async () => {
      log.info({ signal }, `Received ${signal}: stopping (a running sync may finish first).`);
      const outcome = await loop.stop(SHUTDOWN_GRACE_MS);
      if (outcome === 'abandoned') {
        shutdown.abandoned = true;
        log.warn(
          { graceMs: SHUTDOWN_GRACE_MS },
          'The running sync did not finish within the grace period; stopping anyway. The next sync sends what this one may not have.',
        );
      }
    })();
  });

  // The loop only ends once stopped; it catches what a run throws, so this is a last resort.
  const running = loop.run().catch((error: unknown) => {
    log.error(
      { error: error instanceof Error ? error.message : String(error) },
      'The sync loop ended unexpectedly; stopping bwdc serve so that a supervisor restarts it.',
    );
  });
  const stopped = (async (): Promise<number> => {
    // A stop waits for the running sync only as long as the grace period allows.
    await Promise.race([running, stopRequest]);
    await shutdown.stopping;
    unsubscribe();
    metrics.stopping();
    await close(server);
    await notifier?.drain();
    log.info({}, 'bwdc serve stopped.');
    if (shutdown.abandoned) {
      host.exit(0);
    }
    return shutdown.stopping === null ? 1 : 0;
  })();
  return { stopped };
}

function syncOnce(connector: Connector) {
  return connector.sync({ force: false, trigger: 'schedule' });
}

function scheduleSettings(sync: {
  readonly schedule?: string | null;
  readonly interval: number | null;
}): ScheduleSettings {
  return { schedule: sync.schedule ?? null, interval: sync.interval };
}

function listenError(error: unknown, options: ServeOptions): Error {
  const code = (error as { code?: unknown } | null)?.code;
  const where = `${options.host}:${options.port}`;
  if (code === 'EADDRINUSE') {
    return new Error(
      `Port ${where} is already in use. Stop what listens there, or choose another port with --port or BWDC_SERVE_PORT.`,
    );
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new Error(
      `${options.host} is not an address of this machine. Use --host 127.0.0.1 (the default) or 0.0.0.0 in a container.`,
    );
  }
  if (code === 'EACCES') {
    return new Error(
      `Listening on ${where} was refused (ports under 1024 need privileges). Choose a port from 1024 up with --port.`,
    );
  }
  return new Error(
    `Could not listen on ${where}: ${error instanceof Error ? error.message : String(error)}.`,
  );
}

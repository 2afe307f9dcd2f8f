import { Connector, type Logger, type RunSource } from '@bwdc/core';
import { createDirectoryProvider } from '@bwdc/providers';
import { DataFileConnectorStore, DataFileStore, createSecretStore } from '@bwdc/storage';

export interface ConnectorEnvironment {
  readonly dataFilePath: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly version: string;
  readonly logger: Logger;
  /** `service` for bwdc serve; `cli` otherwise. */
  readonly source?: RunSource;
}

/** The CLI's composition root: the Connector over the shared data file and the secret store. */
export async function openConnector(environment: ConnectorEnvironment): Promise<Connector> {
  const file = await DataFileStore.open({ file: environment.dataFilePath });
  const secrets = createSecretStore(environment.env, file);
  return new Connector({
    store: new DataFileConnectorStore(file, secrets),
    secrets,
    createProvider: (type, context) => createDirectoryProvider(type, context),
    logger: environment.logger,
    platform: environment.platform,
    clientVersion: environment.version,
    source: environment.source ?? 'cli',
  });
}

/** Warnings and errors on stderr; everything with BITWARDENCLI_CONNECTOR_DEBUG=true. */
export function stderrLogger(
  env: Readonly<Record<string, string | undefined>>,
  write: (text: string) => void,
): Logger {
  const debug = env['BITWARDENCLI_CONNECTOR_DEBUG'] === 'true';
  return {
    log: (level, message) => {
      if (debug || level === 'warn' || level === 'error') {
        write(`${level}: ${message}\n`);
      }
    },
  };
}

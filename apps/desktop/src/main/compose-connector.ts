import { Connector, type Logger, type SecretStore } from '@bwdc/core';
import { createDirectoryProvider } from '@bwdc/providers';
import { DataFileConnectorStore, DataFileStore, createSecretStore } from '@bwdc/storage';

export interface ConnectorComposition {
  /** The full path of data.json, shared with `bwdc`. */
  readonly dataFilePath: string;
  /** Decides, as in the CLI, whether secrets go to the keychain or (opted in) the data file. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly version: string;
  readonly logger: Logger;
}

export interface ComposedConnector {
  readonly connector: Connector;
  /** The same open data file, for what else main keeps there (the scheduler, app settings). */
  readonly dataFile: DataFileStore;
  /** The keychain (or, opted in, the data file) the Connector keeps its secrets in. */
  readonly secrets: SecretStore;
}

/**
 * The desktop's composition root, for Electron main and the test host alike: the Connector over
 * the shared data file and the secret store, built as `bwdc` builds it so both apps behave the same.
 */
export async function composeConnector(
  composition: ConnectorComposition,
): Promise<ComposedConnector> {
  const dataFile = await DataFileStore.open({ file: composition.dataFilePath });
  const secrets = createSecretStore(composition.env, dataFile);
  const connector = new Connector({
    store: new DataFileConnectorStore(dataFile, secrets),
    secrets,
    createProvider: (type, context) => createDirectoryProvider(type, context),
    logger: composition.logger,
    platform: composition.platform,
    clientVersion: composition.version,
    source: 'desktop',
  });
  return { connector, dataFile, secrets };
}

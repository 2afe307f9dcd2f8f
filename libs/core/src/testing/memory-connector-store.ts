import type {
  ConnectorConfiguration,
  ConnectorStore,
  ConnectorSyncState,
} from '../connector/connector-store';
import type { RunRecord } from '../runs/run-record';

/**
 * The Connector's store in memory: what the Connector saved is what the next call reads. The
 * sync lock is a flag, so a second sync while one runs is refused as the data file's lock would.
 */
export class MemoryConnectorStore implements ConnectorStore {
  readonly organizationSets: string[] = [];
  readonly recorded: RunRecord[] = [];
  private locked = false;

  constructor(
    public configuration: ConnectorConfiguration,
    private readonly secrets: Readonly<Record<string, string | null>> = {},
  ) {}

  async read(): Promise<ConnectorConfiguration> {
    return this.configuration;
  }

  async setOrganization(organizationId: string): Promise<void> {
    this.organizationSets.push(organizationId);
    this.configuration = { ...this.configuration, organizationId };
  }

  async appId(): Promise<string> {
    return 'c0ffee00-0000-4000-8000-000000000003';
  }

  async setSyncState(state: ConnectorSyncState): Promise<void> {
    this.configuration = { ...this.configuration, state };
  }

  async directorySecrets(): Promise<Readonly<Record<string, string | null>>> {
    return this.secrets;
  }

  async recordRun(run: RunRecord): Promise<void> {
    this.recorded.unshift(run);
  }

  async runs(): Promise<readonly RunRecord[]> {
    return this.recorded;
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.locked) {
      throw new Error('MemoryConnectorStore: a second sync ran while the first held the lock');
    }
    this.locked = true;
    try {
      return await work();
    } finally {
      this.locked = false;
    }
  }
}

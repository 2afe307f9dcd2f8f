import {
  startBitwardenServer,
  type RunningBitwardenServer,
  type Seed,
} from '@bwdc/bitwarden-server';

export const ORG_ID = '6b1f4c2e-7d3a-4e5b-9f0c-1a2b3c4d5e6f';
export const CLIENT_ID = `organization.${ORG_ID}`;
export const CLIENT_SECRET = 'benchSecretThirtyCharactersL0n';
export const OWNER_EMAIL = 'owner@example.com';

export interface ImportTraffic {
  readonly requests: number;
  readonly bytes: number;
  readonly largestBytes: number;
}

/** A cloud organization with only its owner: every sync of the benchmark starts from this. */
const SEED: Seed = {
  organizations: [
    {
      id: ORG_ID,
      apiKey: CLIENT_SECRET,
      seats: null,
      members: [{ email: OWNER_EMAIL, type: 'owner', status: 'confirmed' }],
      groups: [],
    },
  ],
};

/**
 * The local Bitwarden server in this process. The server has no reset, so `reset` stops it and
 * starts a fresh one on the same port: the organization is back to its owner and the request log
 * is empty. bwdc's cached token is then signed by the old key; it gets 401 and renews it.
 */
export class BitwardenOrg {
  private constructor(
    private current: RunningBitwardenServer,
    private readonly bodyLimit: { bodyLimitBytes?: number },
  ) {}

  /** `bodyLimitBytes` undefined keeps the server's default, Kestrel's 30,000,000 bytes. */
  static async start(bodyLimitBytes: number | undefined): Promise<BitwardenOrg> {
    const bodyLimit = bodyLimitBytes === undefined ? {} : { bodyLimitBytes };
    return new BitwardenOrg(await startBitwardenServer({ seed: SEED, ...bodyLimit }), bodyLimit);
  }

  get server(): RunningBitwardenServer {
    return this.current;
  }

  async reset(): Promise<void> {
    const port = Number(new URL(this.current.url).port);
    await this.current.stop();
    this.current = await startBitwardenServer({ seed: SEED, port, ...this.bodyLimit });
  }

  /** The import requests seen since the last reset: how many, their bytes, the largest body. */
  imports(): ImportTraffic {
    const posts = this.current.requests.filter(
      (request) => request.method === 'POST' && request.path.endsWith('/organization/import'),
    );
    return {
      requests: posts.length,
      bytes: posts.reduce((sum, post) => sum + post.bodySize, 0),
      largestBytes: Math.max(0, ...posts.map((post) => post.bodySize)),
    };
  }

  /** Members (the owner included) and groups of the organization now. */
  counts(): { members: number; groups: number } {
    const organization = this.current.organization(ORG_ID);
    return { members: organization.members.length, groups: organization.groups.length };
  }

  stop(): Promise<void> {
    return this.current.stop();
  }
}

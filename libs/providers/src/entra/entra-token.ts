import type * as Msal from '@azure/msal-node';
import type { ConfidentialClientApplication } from '@azure/msal-node';

import { EntraError, connectionFailure } from './entra-error';
import type { HttpsTransport } from '../shared/https-transport';
import { MsalNetworkClient } from './msal-network-client';
import type { EntraCloud } from './entra-settings';

/** A token is renewed this long before it expires (upstream: 2 minutes). */
const RENEW_BEFORE_MS = 2 * 60 * 1000;

/**
 * App-only Graph tokens by msal-node's client-credentials flow, for the cloud's Graph (its
 * `.default` scope), renewed shortly before they expire. One token is shared by concurrent calls.
 */
export class EntraTokenSource {
  private application: Promise<ConfidentialClientApplication> | null = null;
  private readonly network: MsalNetworkClient;
  /** The token being acquired or held; `expiresAt` is null while it is being acquired. */
  private current: { readonly token: Promise<string>; expiresAt: number | null } | null = null;

  constructor(
    private readonly cloud: EntraCloud,
    private readonly tenant: string,
    private readonly applicationId: string,
    private readonly clientSecret: string,
    transport: HttpsTransport,
  ) {
    this.network = new MsalNetworkClient(transport);
  }

  /** msal-node is loaded on the first token, so commands that read no Entra ID never load it. */
  private msalApplication(): Promise<ConfidentialClientApplication> {
    this.application ??= msal().then(
      ({ ConfidentialClientApplication: Application }) =>
        new Application({
          auth: {
            clientId: this.applicationId,
            clientSecret: this.clientSecret,
            authority: this.cloud.authority,
            knownAuthorities: [...this.cloud.knownAuthorities],
          },
          system: { networkClient: this.network },
        }),
    );
    return this.application;
  }

  /** A valid access token; `renew` drops the held one (Graph said it is no longer good). */
  token(renew = false): Promise<string> {
    const held = this.current;
    if (
      !renew &&
      held &&
      (held.expiresAt === null || held.expiresAt - RENEW_BEFORE_MS > Date.now())
    ) {
      return held.token;
    }
    const acquiring = this.acquire(renew);
    const entry: { readonly token: Promise<string>; expiresAt: number | null } = {
      token: acquiring.then((result) => result.token),
      expiresAt: null,
    };
    acquiring.then(
      (result) => {
        entry.expiresAt = result.expiresAt;
      },
      () => {
        if (this.current === entry) {
          this.current = null;
        }
      },
    );
    this.current = entry;
    return entry.token;
  }

  private async acquire(renew: boolean): Promise<{ token: string; expiresAt: number }> {
    const call = `the token request to ${this.cloud.authority}`;
    try {
      const application = await this.msalApplication();
      const result = await application.acquireTokenByClientCredential({
        scopes: [`${this.cloud.graphUrl}/.default`],
        skipCache: renew,
      });
      if (!result?.accessToken) {
        throw new EntraError(
          'ENTRA_AUTH_FAILED',
          `Microsoft Entra ID gave no access token for tenant ${this.tenant}.`,
          'Check the tenant, application id and client secret.',
          { tenant: this.tenant, call },
        );
      }
      return {
        token: result.accessToken,
        expiresAt: result.expiresOn?.getTime() ?? Date.now() + 5 * 60 * 1000,
      };
    } catch (error) {
      throw this.failure(error, call, await msal());
    }
  }

  private failure(
    error: unknown,
    call: string,
    { AuthError, ServerError }: typeof Msal,
  ): EntraError {
    if (error instanceof EntraError) {
      return error;
    }
    if (error instanceof ServerError) {
      const status = error.status;
      const description = (error.errorMessage.split(/\r?\n/)[0] ?? '').trim();
      const code = error.errorCode;
      return new EntraError(
        'ENTRA_AUTH_FAILED',
        `Microsoft Entra ID refused the sign-in of application for tenant ${this.tenant}${status ? ` (HTTP ${status})` : ''}: ${code}${description ? `: ${description}` : ''}.`,
        code === 'invalid_client'
          ? 'Check the client secret (entra.key): it must be the secret’s value, not its id, and must not have expired.'
          : 'Check the tenant (directory id or domain), the application (client) id and the identity authority (public or government cloud).',
        { tenant: this.tenant, call, ...(status === undefined ? {} : { status }) },
        { cause: error },
      );
    }
    if (this.network.lastFailure !== null) {
      return connectionFailure(this.network.lastFailure, this.tenant, call);
    }
    const message =
      error instanceof AuthError ? `${error.errorCode}: ${error.errorMessage}` : String(error);
    return new EntraError(
      'ENTRA_AUTH_FAILED',
      `Signing in to Microsoft Entra ID for tenant ${this.tenant} failed: ${message}.`,
      'Check the tenant, application id, client secret and identity authority.',
      { tenant: this.tenant, call },
      { cause: error },
    );
  }
}

function msal(): Promise<typeof Msal> {
  return import('@azure/msal-node');
}

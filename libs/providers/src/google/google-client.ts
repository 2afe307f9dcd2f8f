import * as https from 'node:https';

import type { admin_directory_v1 } from '@googleapis/admin';
import type { JWT } from 'google-auth-library';

import { GOOGLE_DIRECTORY_SCOPES } from './google-settings';
import { httpsFetch } from './https-fetch';

/** Where Google's token endpoint is; google-auth-library hard-codes it and has no option. */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/**
 * Where the provider talks to, for tests against the emulator and for admins behind a proxy
 * that inspects TLS. Production leaves it unset: Google's URLs and the system's trust.
 */
export interface GoogleEndpoints {
  /** The Directory API root (`https://admin.googleapis.com/`); any path in it is dropped. */
  readonly rootUrl?: string;
  /** The OAuth token endpoint. */
  readonly tokenUrl?: string;
  /** A CA certificate (PEM) to trust besides the system's. */
  readonly caPem?: string;
}

export interface DirectoryClient {
  readonly auth: JWT;
  readonly directory: admin_directory_v1.Admin;
  /** Closes the kept-alive connections of a CA-specific agent. */
  close(): void;
}

export async function createDirectoryClient(credentials: {
  readonly clientEmail: string;
  readonly privateKey: string;
  readonly adminUser: string;
  readonly endpoints?: GoogleEndpoints | undefined;
}): Promise<DirectoryClient> {
  // Loaded here, so commands that read no Google directory never load the SDK.
  const [{ admin }, { JWT }] = await Promise.all([
    import('@googleapis/admin'),
    import('google-auth-library'),
  ]);
  const endpoints = credentials.endpoints ?? {};
  // Node's default agent keeps connections alive; a CA needs an agent of its own.
  const agent = endpoints.caPem
    ? new https.Agent({ ca: endpoints.caPem, keepAlive: true })
    : undefined;
  const auth = new JWT({
    email: credentials.clientEmail,
    key: credentials.privateKey,
    subject: credentials.adminUser,
    scopes: [...GOOGLE_DIRECTORY_SCOPES],
    transporterOptions: { fetchImplementation: httpsFetch, ...(agent ? { agent } : {}) },
  });
  const tokenUrl = endpoints.tokenUrl;
  if (tokenUrl && tokenUrl !== GOOGLE_TOKEN_URL) {
    // The token request and the API calls share this transporter; only the token URL changes.
    // gaxios reads `url.searchParams` when it redacts errors, so it must stay a URL object.
    auth.transporter.interceptors.request.add({
      resolved: async (config) => {
        if (String(config.url) === GOOGLE_TOKEN_URL) {
          config.url = new URL(tokenUrl);
        }
        return config;
      },
    });
  }
  const directory = admin({
    version: 'directory_v1',
    auth,
    ...(endpoints.rootUrl ? { rootUrl: endpoints.rootUrl } : {}),
  });
  return { auth, directory, close: () => agent?.destroy() };
}

/** Shared set-up for the specs: a seeded server, a token, and one-line requests against it. */
import {
  startBitwardenServer,
  type BitwardenServerOptions,
  type RunningBitwardenServer,
} from './http-server';
import type { SeedMember, SeedOrganization } from './seed';

export const ORG_ID = '3f0c6b2e-8a51-4d7e-9c1a-2b4d6e8f0a11';
export const API_KEY = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5';
export const OWNER: SeedMember = {
  email: 'owner@example.com',
  type: 'owner',
  status: 'confirmed',
  hasMasterPassword: true,
};

export function organizationSeed(overrides: Partial<SeedOrganization> = {}): SeedOrganization {
  return { id: ORG_ID, apiKey: API_KEY, members: [OWNER], groups: [], ...overrides };
}

const running: RunningBitwardenServer[] = [];

/** Starts a server on a free port; `stopServers` in afterEach closes it. */
export async function startServer(
  organization: Partial<SeedOrganization> = {},
  options: Partial<BitwardenServerOptions> = {},
): Promise<RunningBitwardenServer> {
  const server = await startBitwardenServer({
    seed: { organizations: [organizationSeed(organization)] },
    ...options,
  });
  running.push(server);
  return server;
}

export async function stopServers(): Promise<void> {
  await Promise.all(running.splice(0).map((server) => server.stop()));
}

export function tokenForm(fields: Record<string, string> = {}): string {
  return new URLSearchParams({
    scope: 'api.organization',
    client_id: `organization.${ORG_ID}`,
    deviceType: '8',
    deviceIdentifier: '9d2f7c1e-6b0a-4f3e-8c5d-1a2b3c4d5e6f',
    deviceName: 'linux',
    grant_type: 'client_credentials',
    client_secret: API_KEY,
    ...fields,
  }).toString();
}

export function requestToken(identityUrl: string, body = tokenForm()): Promise<Response> {
  return fetch(`${identityUrl}/connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
}

export async function accessToken(server: RunningBitwardenServer): Promise<string> {
  const response = await requestToken(server.identityUrl);
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}

/** Posts an import the way the connector does; `body` may be an object or raw text. */
export async function postImport(
  server: RunningBitwardenServer,
  body: unknown,
  init: { token?: string; apiUrl?: string; contentType?: string } = {},
): Promise<Response> {
  const token = init.token ?? (await accessToken(server));
  return fetch(`${init.apiUrl ?? server.apiUrl}/public/organization/import`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': init.contentType ?? 'application/json; charset=utf-8',
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export interface ImportBody {
  groups?: { name: string; externalId: string; memberExternalIds: string[] }[];
  members?: { email: string; externalId: string; deleted?: boolean }[];
  overwriteExisting?: boolean;
  largeImport?: boolean;
  inviteUsersAfterProvisioning?: boolean;
}

export function importBody(body: ImportBody = {}): ImportBody {
  return { groups: [], members: [], overwriteExisting: false, largeImport: false, ...body };
}

/** Posts an import and returns status and raw text, which must be empty on success. */
export async function runImportRequest(
  server: RunningBitwardenServer,
  body: ImportBody,
): Promise<{ status: number; text: string }> {
  const response = await postImport(server, importBody(body));
  return { status: response.status, text: await response.text() };
}

export function apiGet(
  server: RunningBitwardenServer,
  path: string,
  token: string,
): Promise<Response> {
  return fetch(`${server.apiUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
}

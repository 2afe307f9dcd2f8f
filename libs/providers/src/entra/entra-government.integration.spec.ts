import type { DirectoryReadRequest } from '@bwdc/core';

// The entra emulator is not exported from @bwdc/directory-emulators yet (a shared file); once it
// is, import it from there and drop this line.
import {
  UPSTREAM_TENANT_IDS as IDS,
  startEntraEmulator,
  upstreamTestTenant,
  type EntraEmulator,
} from '@bwdc/directory-emulators';
import { EntraDirectoryProvider } from './entra-directory-provider';
import { EntraDirectorySettingsSchema, type EntraDirectorySettings } from './entra-settings';
import { httpsTransport, type HttpsTransport } from '../shared/https-transport';

let publicCloud: EntraEmulator;
let governmentCloud: EntraEmulator;

beforeAll(async () => {
  [publicCloud, governmentCloud] = await Promise.all([
    startEntraEmulator({ tenants: [upstreamTestTenant()] }),
    startEntraEmulator({ tenants: [upstreamTestTenant()] }),
  ]);
});

afterAll(async () => {
  await Promise.all([publicCloud.stop(), governmentCloud.stop()]);
});

const sync = {
  users: true,
  groups: true,
  userFilter: null,
  groupFilter: null,
  removeDisabled: false,
};

function request(userDeltaToken: string | null = null): DirectoryReadRequest {
  return {
    mode: userDeltaToken ? 'delta' : 'full',
    dryRun: false,
    cursor: userDeltaToken
      ? { usersReadAt: null, groupsReadAt: null, userDeltaToken, groupDeltaToken: null }
      : null,
    startedAt: new Date(),
  };
}

/**
 * The real government hosts, answered by an emulator: requests to `login.microsoftonline.us` and
 * `graph.microsoft.us` go to its servers, and its origins in the answers are written back as
 * those hosts, so msal and the provider see the government cloud. Every URL asked is recorded;
 * any other host is refused.
 */
function governmentHostsTransport(emulator: EntraEmulator, asked: string[]): HttpsTransport {
  const inner = httpsTransport({ ca: emulator.caPem, maxSockets: 10 });
  const routes: [string, string][] = [
    ['https://login.microsoftonline.us', emulator.url],
    ['https://graph.microsoft.us', emulator.graphUrl],
  ];
  const swap = (text: string, from: 0 | 1) =>
    routes.reduce((result, route) => result.split(route[from]).join(route[1 - from]), text);
  return {
    async request(method, url, headers, body, signal) {
      asked.push(url);
      if (!routes.some(([host]) => url.startsWith(`${host}/`))) {
        throw new Error(`refused: ${url} is not a government cloud host`);
      }
      // msal sends the scope (the Graph host) form-encoded.
      const form =
        body === undefined || body.startsWith('{') ? undefined : new URLSearchParams(body);
      form?.forEach((value, name) => form.set(name, swap(value, 0)));
      const sent = form?.toString() ?? body;
      const response = await inner.request(method, swap(url, 0), headers, sent, signal);
      return { ...response, body: swap(response.body, 1) };
    },
    close: () => inner.close(),
  };
}

describe('Entra ID government cloud', () => {
  it('identityAuthority login.microsoftonline.us: the token and every Graph call go to graph.microsoft.us', async () => {
    const asked: string[] = [];
    const transport = governmentHostsTransport(governmentCloud, asked);
    const settings: EntraDirectorySettings = EntraDirectorySettingsSchema.parse({
      identityAuthority: 'login.microsoftonline.us',
      tenant: IDS.tenant,
      applicationId: IDS.clientId,
    });
    try {
      const provider = new EntraDirectoryProvider({
        directory: settings,
        sync,
        key: IDS.clientSecret,
        transport,
      });
      const first = await provider.read(request());
      const second = await provider.read(request(first.cursor.userDeltaToken));

      expect(first.groups).toHaveLength(4);
      expect(first.users.filter((user) => !user.deleted)).toHaveLength(7);
      expect(second.cursor.userDeltaToken).toMatch(
        /^https:\/\/graph\.microsoft\.us\/v1\.0\/users\/delta/,
      );
      const hosts = new Set(asked.map((url) => new URL(url).host));
      expect([...hosts].sort()).toEqual(['graph.microsoft.us', 'login.microsoftonline.us']);
      // users, delta (both rounds), groups and members: all on the government Graph.
      const graphPaths = asked
        .filter((url) => url.startsWith('https://graph.microsoft.us/'))
        .map((url) => new URL(url).pathname);
      expect(graphPaths).toEqual(
        expect.arrayContaining(['/v1.0/users', '/v1.0/users/delta', '/v1.0/groups']),
      );
      // The emulator issues a token only for the scope of its own Graph: the .us one here.
      const token = governmentCloud.requests.find((entry) =>
        entry.url.includes('/oauth2/v2.0/token'),
      );
      expect(token?.status).toBe(200);
      expect(publicCloud.requests).toEqual([]);
    } finally {
      transport.close();
    }
  });

  it('a custom authority with its own Graph URL: no call reaches the other cloud', async () => {
    governmentCloud.requests.length = 0;
    const provider = new EntraDirectoryProvider({
      directory: EntraDirectorySettingsSchema.parse({
        identityAuthority: governmentCloud.url,
        graphUrl: governmentCloud.graphUrl,
        tenant: IDS.tenant,
        applicationId: IDS.clientId,
      }),
      sync: {
        ...sync,
        userFilter: `includeGroup:${IDS.groups.groupA}`,
        groupFilter: 'include:Engineering',
      },
      key: IDS.clientSecret,
      ca: governmentCloud.caPem,
    });

    const snapshot = await provider.read(request());

    expect(snapshot.groups.map((group) => group.name)).toEqual(['Engineering']);
    const graph = governmentCloud.requests.filter((entry) => entry.server === 'graph');
    expect(graph.length).toBeGreaterThanOrEqual(4);
    expect(graph.every((entry) => entry.status === 200)).toBe(true);
    expect(publicCloud.requests).toEqual([]);
  });
});

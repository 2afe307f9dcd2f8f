/**
 * The Entra ID provider against upstream's way of reading Graph: 10,000 users and 1,000 groups
 * (20 members each) on the Entra emulator with 50 ms of latency on every answer. Goal (issue 8):
 * at least 10× faster than upstream. Run with `node --import tsx tools/bench/src/entra-read.bench.ts`.
 *
 * Upstream's way, replayed with the same HTTP client and token: `/users` and `/users/delta`
 * without a page size (Graph's default of 100 per page), `/groups` likewise, then one
 * `/groups/{id}/members` call per group, one after another. The connector: a full `read()`
 * (users, deleted-user delta and groups side by side, `$top=999`, membership 8 calls at a time).
 * One warm-up read, then each measured once; wall time and Graph request count are printed, and
 * both results are checked for the same users and memberships. Exit code 1 when the goal is missed.
 */
import { generatedTenant, startEntraEmulator, type EntraEmulator } from '@bwdc/directory-emulators';
import {
  DEFAULT_GRAPH_RETRY,
  EntraDirectoryProvider,
  EntraDirectorySettingsSchema,
  EntraTokenSource,
  GraphClient,
  httpsTransport,
  resolveEntraCloud,
} from '@bwdc/providers';

import { reportComparison, type ReadRun } from './read-comparison';

const SHAPE = { users: 10_000, groups: 1_000, membersPerGroup: 20 };
const LATENCY_MS = 50;
const MIN_SPEED_UP = 10;
const application = { clientId: 'bench-app', clientSecret: 'bench-secret' };
const TENANT = 'bench.test';

function settings(emulator: EntraEmulator) {
  return EntraDirectorySettingsSchema.parse({
    identityAuthority: emulator.url,
    graphUrl: emulator.graphUrl,
    tenant: TENANT,
    applicationId: application.clientId,
  });
}

async function connector(emulator: EntraEmulator): Promise<ReadRun> {
  const provider = new EntraDirectoryProvider({
    directory: settings(emulator),
    sync: { users: true, groups: true, userFilter: null, groupFilter: null, removeDisabled: false },
    key: application.clientSecret,
    ca: emulator.caPem,
  });
  const started = performance.now();
  const snapshot = await provider.read({
    mode: 'full',
    dryRun: false,
    cursor: null,
    startedAt: new Date(),
  });
  return {
    ms: performance.now() - started,
    requests: snapshot.graphRequests,
    users: snapshot.users.length,
    memberships: snapshot.groups.reduce(
      (sum, group) => sum + group.userMemberExternalIds.length,
      0,
    ),
  };
}

/** Upstream's calls, in upstream's order, one at a time. */
async function upstreamWay(emulator: EntraEmulator): Promise<ReadRun> {
  const directory = settings(emulator);
  const cloud = resolveEntraCloud(directory);
  const transport = httpsTransport({ ca: emulator.caPem, maxSockets: 2 });
  try {
    const tokens = new EntraTokenSource(
      cloud,
      TENANT,
      application.clientId,
      application.clientSecret,
      transport,
    );
    const graph = new GraphClient(cloud.graphUrl, TENANT, tokens, transport, DEFAULT_GRAPH_RETRY);
    await tokens.token();
    const started = performance.now();
    const select = '$select=id,mail,userPrincipalName,displayName,accountEnabled';
    const users = await graph.all<{ id: string }>(`/users?${select}`);
    await graph.all(`/users/delta?${select}`);
    const groups = await graph.all<{ id: string }>('/groups');
    let memberships = 0;
    for (const group of groups.items) {
      memberships += (await graph.all(`/groups/${group.id}/members`)).items.length;
    }
    return {
      ms: performance.now() - started,
      requests: graph.requestCount,
      users: users.items.length,
      memberships,
    };
  } finally {
    transport.close();
  }
}

async function main(): Promise<void> {
  const tenant = generatedTenant({ id: TENANT, application, ...SHAPE });
  const emulator = await startEntraEmulator({ tenants: [tenant], latencyMs: LATENCY_MS });
  try {
    await connector(emulator);
    const ours = await connector(emulator);
    const theirs = await upstreamWay(emulator);
    process.exitCode = reportComparison(
      `Entra read: ${SHAPE.users} users, ${SHAPE.groups} groups × ${SHAPE.membersPerGroup} members, ${LATENCY_MS} ms latency`,
      ours,
      theirs,
      MIN_SPEED_UP,
    );
  } finally {
    await emulator.stop();
  }
}

void main();

/**
 * The Okta provider against upstream's way of reading an org: 1,000 groups (20 members each)
 * and 2,000 users on the Okta emulator with 50 ms of latency on every answer. Run with
 * `npx tsx tools/bench/src/okta-read.bench.ts`.
 *
 * Upstream's way, replayed through the same SDK client: the user list and the deprovisioned
 * list side by side, the group list, then one `/groups/{id}/users` per group, one after another
 * with upstream's fixed 500 ms sleep after each. Replaying all 1,000 groups takes ~9 minutes, so
 * only the first BWDC_OKTA_UPSTREAM_GROUPS (default 40) groups are replayed, and the time for
 * 1,000 is extrapolated: the lists' time + 1,000 × the mean time per group (call + sleep). The
 * connector: a full `read()` of all 1,000 groups (members `concurrency` groups at a time, paced
 * only by the rate-limit headers). BWDC_OKTA_RATE_LIMIT sets a per-minute limit on the emulator
 * (default: none), to see the pacing. Exit code 1 when the reads disagree.
 */
import {
  OKTA_FIXTURE_TOKEN,
  generatedOktaOrg,
  startOktaEmulator,
  type OktaEmulator,
} from '@bwdc/directory-emulators';
import {
  OktaDirectoryProvider,
  OktaDirectorySettingsSchema,
  createOktaClient,
} from '@bwdc/providers';

const SHAPE = { users: 2_000, groups: 1_000, membersPerGroup: 20 };
const LATENCY_MS = 50;
const UPSTREAM_SLEEP_MS = 500;
const SAMPLE = Number(process.env['BWDC_OKTA_UPSTREAM_GROUPS'] ?? 40);

async function connector(emulator: OktaEmulator) {
  const provider = new OktaDirectoryProvider({
    directory: OktaDirectorySettingsSchema.parse({ orgUrl: emulator.orgUrl }),
    sync: { users: true, groups: true, userFilter: null, groupFilter: null, removeDisabled: false },
    token: OKTA_FIXTURE_TOKEN,
    caPem: emulator.caPem,
  });
  const before = emulator.requests.length;
  const started = performance.now();
  const snapshot = await provider.read({
    mode: 'full',
    dryRun: false,
    cursor: null,
    startedAt: new Date(),
  });
  return {
    ms: performance.now() - started,
    requests: emulator.requests.length - before,
    throttled: emulator.requests.slice(before).filter((r) => r.status === 429).length,
    users: snapshot.users.length,
    memberships: new Map(
      snapshot.groups.map((group) => [group.externalId, group.userMemberExternalIds.length]),
    ),
  };
}

/** Upstream's calls in upstream's order; group members for the first `sample` groups only. */
async function upstreamWay(emulator: OktaEmulator, sample: number) {
  const { client, close } = await createOktaClient({
    orgUrl: emulator.orgUrl,
    token: OKTA_FIXTURE_TOKEN,
    caPem: emulator.caPem,
    maxRetries: 0,
  });
  try {
    const started = performance.now();
    const count = async (collection: AsyncIterable<unknown>) => {
      let n = 0;
      for await (const item of collection) {
        n += item ? 1 : 0;
      }
      return n;
    };
    const [active, deprovisioned] = await Promise.all([
      client.userApi.listUsers({}).then(count),
      client.userApi.listUsers({ filter: 'status eq "DEPROVISIONED"' }).then(count),
    ]);
    const groups: string[] = [];
    for await (const group of await client.groupApi.listGroups({})) {
      groups.push(group?.id ?? '');
    }
    const listsMs = performance.now() - started;
    const memberships = new Map<string, number>();
    const groupsStarted = performance.now();
    for (const groupId of groups.slice(0, sample)) {
      memberships.set(groupId, await count(await client.groupApi.listGroupUsers({ groupId })));
      await new Promise((resolve) => setTimeout(resolve, UPSTREAM_SLEEP_MS));
    }
    const perGroupMs = (performance.now() - groupsStarted) / Math.max(1, sample);
    return {
      listsMs,
      perGroupMs,
      extrapolatedMs: listsMs + perGroupMs * groups.length,
      users: active + deprovisioned,
      memberships,
    };
  } finally {
    close();
  }
}

async function main(): Promise<void> {
  const limit = process.env['BWDC_OKTA_RATE_LIMIT'];
  const emulator = await startOktaEmulator({
    ...generatedOktaOrg(SHAPE),
    latencyMs: LATENCY_MS,
    ...(limit ? { rateLimit: { limit: Number(limit) } } : {}),
  });
  try {
    await connector(emulator);
    const ours = await connector(emulator);
    const theirs = await upstreamWay(emulator, SAMPLE);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `Okta read: ${SHAPE.users} users, ${SHAPE.groups} groups × ${SHAPE.membersPerGroup} members, ${LATENCY_MS} ms latency${limit ? `, ${limit} requests/min` : ''}`,
    );
    console.log(
      `connector            ${seconds(ours.ms)}  ${ours.requests} requests (${ours.throttled} answered 429)  ${ours.users} users`,
    );
    console.log(
      `upstream (500 ms)    ${seconds(theirs.extrapolatedMs)} extrapolated = lists ${seconds(theirs.listsMs)} + ${SHAPE.groups} × ${theirs.perGroupMs.toFixed(0)} ms per group (measured on ${SAMPLE} groups)`,
    );
    console.log(`speed-up ${(theirs.extrapolatedMs / ours.ms).toFixed(1)}×`);
    const same =
      ours.users === theirs.users &&
      [...theirs.memberships].every(([id, n]) => ours.memberships.get(id) === n);
    if (!same) {
      console.log('the two reads disagree');
    }
    process.exitCode = same ? 0 : 1;
  } finally {
    await emulator.stop();
  }
}

void main();

/**
 * The Google Workspace provider against upstream's way of reading the Directory API: 10,000 users
 * and 1,000 groups (20 members each) on the Google emulator with 50 ms of latency on every
 * answer. Goal (issue 8): at least 10× faster than upstream. Run with
 * `node --import tsx tools/bench/src/google-read.bench.ts`; BWDC_GOOGLE_CONCURRENCY sets the
 * provider's `concurrency` (default: the setting's default, 8).
 *
 * Upstream's way, replayed with the same SDK client and token: `users.list` and
 * `users.list(showDeleted)` without a page size (the API's default of 100 per page), `groups.list`
 * likewise (200), then one `members.list` per group, one after another. The connector: a full
 * `read()` (500 users a page, users and groups side by side, members `concurrency` groups at a
 * time). One warm-up read, then each measured once; wall time and the emulator's request count
 * are printed, and both results are checked for the same users and memberships. Exit code 1 when
 * the goal is missed.
 */
import { generateKeyPairSync } from 'node:crypto';

import {
  GOOGLE_FIXTURE_ADMIN,
  GOOGLE_FIXTURE_DOMAIN,
  generatedGoogleWorkspace,
  startGoogleEmulator,
  type GoogleEmulator,
} from '@bwdc/directory-emulators';
import {
  GoogleDirectoryProvider,
  GoogleDirectorySettingsSchema,
  createGoogleDirectoryClient,
} from '@bwdc/providers';

import { reportComparison, type ReadRun } from './read-comparison';

const SHAPE = { users: 10_000, groups: 1_000, membersPerGroup: 20 };
const LATENCY_MS = 50;
const MIN_SPEED_UP = 10;
const CLIENT_EMAIL = 'bench@bench-project.iam.gserviceaccount.com';
const key = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

const endpoints = (emulator: GoogleEmulator) => ({
  rootUrl: emulator.rootUrl,
  tokenUrl: emulator.tokenUrl,
  caPem: emulator.caPem,
});

async function connector(emulator: GoogleEmulator): Promise<ReadRun> {
  const concurrency = process.env['BWDC_GOOGLE_CONCURRENCY'];
  const provider = new GoogleDirectoryProvider({
    directory: GoogleDirectorySettingsSchema.parse({
      domain: GOOGLE_FIXTURE_DOMAIN,
      adminUser: GOOGLE_FIXTURE_ADMIN,
      clientEmail: CLIENT_EMAIL,
      ...(concurrency ? { concurrency: Number(concurrency) } : {}),
    }),
    sync: { users: true, groups: true, userFilter: null, groupFilter: null, removeDisabled: false },
    privateKey: key.privateKey,
    endpoints: endpoints(emulator),
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
    users: snapshot.users.length,
    memberships: snapshot.groups.reduce(
      (sum, group) => sum + group.userMemberExternalIds.length,
      0,
    ),
  };
}

/** Upstream's calls, in upstream's order, one at a time. */
async function upstreamWay(emulator: GoogleEmulator): Promise<ReadRun> {
  const client = await createGoogleDirectoryClient({
    clientEmail: CLIENT_EMAIL,
    privateKey: key.privateKey,
    adminUser: GOOGLE_FIXTURE_ADMIN,
    endpoints: endpoints(emulator),
  });
  try {
    await client.auth.authorize();
    const { directory } = client;
    const before = emulator.requests.length;
    const started = performance.now();
    let users = 0;
    for (const showDeleted of [undefined, 'true']) {
      let pageToken: string | undefined;
      do {
        const page = await directory.users.list({
          domain: GOOGLE_FIXTURE_DOMAIN,
          ...(showDeleted ? { showDeleted } : {}),
          ...(pageToken ? { pageToken } : {}),
        });
        users += page.data.users?.length ?? 0;
        pageToken = page.data.nextPageToken ?? undefined;
      } while (pageToken);
    }
    const groups: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await directory.groups.list({
        domain: GOOGLE_FIXTURE_DOMAIN,
        ...(pageToken ? { pageToken } : {}),
      });
      groups.push(...(page.data.groups ?? []).map((group) => group.id ?? ''));
      pageToken = page.data.nextPageToken ?? undefined;
    } while (pageToken);
    let memberships = 0;
    for (const groupKey of groups) {
      let membersToken: string | undefined;
      do {
        const page = await directory.members.list({
          groupKey,
          ...(membersToken ? { pageToken: membersToken } : {}),
        });
        memberships += (page.data.members ?? []).filter(
          (member) => member.status === 'ACTIVE',
        ).length;
        membersToken = page.data.nextPageToken ?? undefined;
      } while (membersToken);
    }
    return {
      ms: performance.now() - started,
      requests: emulator.requests.length - before,
      users,
      memberships,
    };
  } finally {
    client.close();
  }
}

async function main(): Promise<void> {
  const workspace = generatedGoogleWorkspace(SHAPE);
  const emulator = await startGoogleEmulator({
    customers: [workspace],
    serviceAccounts: [{ clientEmail: CLIENT_EMAIL, publicKeyPem: key.publicKey }],
    latencyMs: LATENCY_MS,
  });
  try {
    await connector(emulator);
    const ours = await connector(emulator);
    const theirs = await upstreamWay(emulator);
    process.exitCode = reportComparison(
      `Google read: ${SHAPE.users} users, ${SHAPE.groups} groups × ${SHAPE.membersPerGroup} members, ${LATENCY_MS} ms latency`,
      ours,
      theirs,
      MIN_SPEED_UP,
    );
  } finally {
    await emulator.stop();
  }
}

void main();

import { generateKeyPairSync } from 'node:crypto';

import type { DirectoryReadRequest, DirectorySnapshot } from '@bwdc/core';

import {
  GOOGLE_FIXTURE_ADMIN,
  GOOGLE_FIXTURE_DOMAIN,
  googleWorkspaceFixture,
  type GoogleEmulator,
  type GoogleEmulatorOptions,
  startGoogleEmulator,
} from '@bwdc/directory-emulators';
import { GoogleDirectoryProvider } from './google-directory-provider';
import { GoogleError } from './google-error';
import type { GoogleProviderOptions, GoogleSyncScope } from './google-provider-options';
import { GoogleDirectorySettingsSchema } from './google-settings';

const CLIENT_EMAIL = 'bwdc@connector-project.iam.gserviceaccount.com';

function keyPair() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
}

const serviceAccount = keyPair();
const request: DirectoryReadRequest = {
  mode: 'full',
  dryRun: false,
  cursor: null,
  startedAt: new Date(),
};

let emulator: GoogleEmulator;

async function start(extra: Partial<GoogleEmulatorOptions> = {}): Promise<GoogleEmulator> {
  return startGoogleEmulator({
    customers: [googleWorkspaceFixture()],
    serviceAccounts: [{ clientEmail: CLIENT_EMAIL, publicKeyPem: serviceAccount.publicKey }],
    ...extra,
  });
}

function provider(
  sync: Partial<GoogleSyncScope> = {},
  overrides: Partial<GoogleProviderOptions> = {},
  on: GoogleEmulator = emulator,
): GoogleDirectoryProvider {
  return new GoogleDirectoryProvider({
    directory: GoogleDirectorySettingsSchema.parse({
      domain: GOOGLE_FIXTURE_DOMAIN,
      adminUser: GOOGLE_FIXTURE_ADMIN,
      clientEmail: CLIENT_EMAIL,
    }),
    sync: {
      users: true,
      groups: true,
      userFilter: null,
      groupFilter: null,
      removeDisabled: false,
      ...sync,
    },
    privateKey: serviceAccount.privateKey,
    endpoints: { rootUrl: on.rootUrl, tokenUrl: on.tokenUrl, caPem: on.caPem },
    retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 2_000 },
    ...overrides,
  });
}

const emails = (snapshot: DirectorySnapshot) => snapshot.users.map((user) => user.email).sort();
const groupNames = (snapshot: DirectorySnapshot) =>
  snapshot.groups.map((group) => group.name).sort();
const groupNamed = (snapshot: DirectorySnapshot, name: string) =>
  snapshot.groups.find((group) => group.name === name);

beforeAll(async () => {
  emulator = await start();
});

afterAll(async () => {
  await emulator.stop();
});

describe('GoogleDirectoryProvider against the Google emulator (upstream live-tenant scenarios)', () => {
  it('reads every user and group: disabled, deleted, nested and everyone groups', async () => {
    const snapshot = await provider().read(request);

    expect(snapshot.users).toEqual(
      expect.arrayContaining([
        {
          externalId: 'u1',
          referenceId: 'u1',
          email: 'testuser1@example.test',
          disabled: false,
          deleted: false,
        },
        {
          externalId: 'u5',
          referenceId: 'u5',
          email: 'testuser5@example.test',
          disabled: true,
          deleted: false,
        },
        {
          externalId: 'u6',
          referenceId: 'u6',
          email: 'testuser6@example.test',
          disabled: true,
          deleted: false,
        },
        {
          externalId: 'u7',
          referenceId: 'u7',
          email: 'testuser7@example.test',
          disabled: false,
          deleted: true,
        },
      ]),
    );
    // user 8 has no email at all and is skipped, as upstream did
    expect(emails(snapshot)).toEqual([
      'admin@example.test',
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => `testuser${n}@example.test`),
    ]);
    expect(groupNamed(snapshot, 'Integration Test Group A')).toEqual({
      externalId: 'g-a',
      referenceId: 'g-a',
      name: 'Integration Test Group A',
      userMemberExternalIds: ['u1', 'u2'],
      groupMemberReferenceIds: [],
    });
    expect(groupNamed(snapshot, 'Engineering')).toMatchObject({
      userMemberExternalIds: ['u4'],
      groupMemberReferenceIds: ['g-a'],
    });
    // CUSTOMER = everyone in the domain: every active user read
    expect([...(groupNamed(snapshot, 'Everyone')?.userMemberExternalIds ?? [])].sort()).toEqual(
      ['u-admin', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6'].sort(),
    );
    // a suspended member is not a member (upstream counts ACTIVE members only)
    expect(groupNamed(snapshot, 'Suspended Club')?.userMemberExternalIds).toEqual([]);
    expect(snapshot.notices).toEqual([{ kind: 'users-skipped', reason: 'no-email', count: 1 }]);
    expect(snapshot.cursor).toEqual({
      usersReadAt: null,
      groupsReadAt: null,
      userDeltaToken: null,
      groupDeltaToken: null,
    });
  });

  it('users only: no group is read', async () => {
    const before = emulator.requests.length;
    const snapshot = await provider({ groups: false }).read(request);

    expect(snapshot.groups).toEqual([]);
    expect(snapshot.users).toHaveLength(8);
    expect(emulator.requests.slice(before).some((r) => r.path.includes('/groups'))).toBe(false);
  });

  it('groups only: no user is returned, and the everyone group is still filled', async () => {
    const snapshot = await provider({ users: false }).read(request);

    expect(snapshot.users).toEqual([]);
    expect(groupNames(snapshot)).toEqual([
      'Engineering',
      'Everyone',
      'Integration Test Group A',
      'Integration Test Group B',
      'Suspended Club',
    ]);
    expect(groupNamed(snapshot, 'Everyone')?.userMemberExternalIds).toHaveLength(7);
  });

  it('a group include filter gives exactly that group and its members (and deleted users)', async () => {
    const snapshot = await provider({ groupFilter: 'include: Integration Test Group A' }).read(
      request,
    );

    expect(groupNames(snapshot)).toEqual(['Integration Test Group A']);
    expect(emails(snapshot)).toEqual([
      'testuser1@example.test',
      'testuser2@example.test',
      'testuser7@example.test',
    ]);
    expect(snapshot.users.find((user) => user.externalId === 'u7')?.deleted).toBe(true);
  });

  it('a group include filter with a user exclude filter drops that user', async () => {
    const snapshot = await provider({
      groupFilter: 'include:Integration Test Group A',
      userFilter: 'exclude: TESTUSER1@example.test',
    }).read(request);

    expect(groupNames(snapshot)).toEqual(['Integration Test Group A']);
    expect(emails(snapshot)).toEqual(['testuser2@example.test', 'testuser7@example.test']);
  });

  it('a group exclude list keeps the other groups and only their members; removeDisabled keeps disabled users', async () => {
    const filter = { groupFilter: 'exclude:Integration Test Group B, everyone' };
    const snapshot = await provider(filter).read(request);
    const withDisabled = await provider({ ...filter, removeDisabled: true }).read(request);

    expect(groupNames(snapshot)).toEqual([
      'Engineering',
      'Integration Test Group A',
      'Suspended Club',
    ]);
    expect(emails(snapshot)).toEqual([1, 2, 4, 7].map((n) => `testuser${n}@example.test`));
    expect(emails(withDisabled)).toEqual(
      [1, 2, 4, 5, 6, 7].map((n) => `testuser${n}@example.test`),
    );
  });

  it('a user include list keeps exactly those users', async () => {
    const snapshot = await provider({
      groups: false,
      userFilter: 'include:testuser3@example.test,testuser5@example.test',
    }).read(request);

    expect(emails(snapshot)).toEqual(['testuser3@example.test', 'testuser5@example.test']);
  });

  it("native queries after | (upstream's live test: orgUnitPath and name prefix) give an exact match", async () => {
    const snapshot = await provider({
      userFilter: "|orgUnitPath='/Integration testing'",
      groupFilter: '|name:Integration*',
    }).read(request);

    expect(emails(snapshot)).toEqual([1, 2, 3, 4, 5].map((n) => `testuser${n}@example.test`));
    expect(groupNames(snapshot)).toEqual(['Integration Test Group A', 'Integration Test Group B']);
    const queries = emulator.requests.filter(
      (r) => r.path.endsWith('/users') || r.path.endsWith('/groups'),
    );
    expect(queries.at(-1)?.query['query']).toBe('name:Integration*');
  });

  it('a query Google refuses fails the read with a typed error naming the call', async () => {
    const read = provider({ userFilter: '|nosuchfield=1' }).read(request);

    await expect(read).rejects.toMatchObject({ code: 'GOOGLE_INVALID_REQUEST', status: 400 });
    await expect(read).rejects.toThrow(/users\.list for example\.test failed \(HTTP 400/);
  });
});

describe('sign-in failures', () => {
  it('a key that is not the service account’s is rejected with a typed error that never shows the key', async () => {
    const wrong = keyPair();
    const failure = await provider({}, { privateKey: wrong.privateKey })
      .read(request)
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(GoogleError);
    expect(failure).toMatchObject({ code: 'GOOGLE_AUTH_FAILED', status: 400, side: 'directory' });
    const text = `${(failure as Error).message} ${(failure as GoogleError).remedy} ${JSON.stringify(failure)}`;
    expect(text).toContain('example.test');
    expect(text).toContain('invalid_grant');
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain(wrong.privateKey.split('\n')[1]);
    expect((failure as Error).cause).toBeUndefined();
  });

  it('a service account without the delegated scopes says which scopes to grant', async () => {
    const limited = await start({
      serviceAccounts: [
        {
          clientEmail: CLIENT_EMAIL,
          publicKeyPem: serviceAccount.publicKey,
          delegatedScopes: ['https://www.googleapis.com/auth/admin.directory.user.readonly'],
        },
      ],
    });
    try {
      await expect(provider({}, {}, limited).read(request)).rejects.toMatchObject({
        code: 'GOOGLE_DELEGATION_MISSING',
        status: 401,
      });
    } finally {
      await limited.stop();
    }
  });

  it('a private key that is not a PEM key fails as an unusable key, before any request', async () => {
    const before = emulator.requests.length;
    const failure = await provider({}, { privateKey: 'pasted-the-wrong-thing' })
      .read(request)
      .catch((error: unknown) => error);

    expect(failure).toMatchObject({ code: 'GOOGLE_KEY_INVALID' });
    expect((failure as Error).message).not.toContain('pasted-the-wrong-thing');
    expect(emulator.requests.length).toBe(before);
  });

  it('a missing private key fails before any request', async () => {
    const before = emulator.requests.length;
    await expect(provider({}, { privateKey: null }).read(request)).rejects.toMatchObject({
      code: 'GOOGLE_SETTINGS_INCOMPLETE',
    });
    expect(emulator.requests.length).toBe(before);
  });
});

describe('failures while reading', () => {
  it('a members page that keeps failing fails the whole read, naming the group and the status', async () => {
    const failing = await start({
      faults: [{ path: /\/groups\/g-b\/members$/, status: 503, times: 100 }],
    });
    try {
      const read = provider(
        {},
        { retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 50 } },
        failing,
      ).read(request);
      await expect(read).rejects.toMatchObject({ code: 'GOOGLE_UNAVAILABLE', status: 503 });
      await expect(read).rejects.toThrow(
        /members\.list \(group g-b@example\.test\) for example\.test failed \(HTTP 503/,
      );
      expect(
        failing.requests.filter((r) => r.path.includes('g-b') && r.status === 503),
      ).toHaveLength(3);
    } finally {
      await failing.stop();
    }
  });

  it('a transient 500 is retried and the read completes', async () => {
    const flaky = await start({ faults: [{ path: /\/users$/, status: 500, times: 2 }] });
    try {
      const snapshot = await provider({}, {}, flaky).read(request);
      expect(snapshot.users).toHaveLength(8);
      expect(flaky.requests.filter((r) => r.status === 500)).toHaveLength(2);
    } finally {
      await flaky.stop();
    }
  });
});

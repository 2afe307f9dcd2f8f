import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { startBitwardenServer, type RunningBitwardenServer } from '@bwdc/bitwarden-server';
import type { PlanReport, RunRecord } from '@bwdc/core';

import { runBwdc, type BwdcRun } from './cli-test-harness';

const ORG_ID = '6a1c9e2f-3b4d-4c5e-8f7a-9b0c1d2e3f4a';
const CLIENT_ID = `organization.${ORG_ID}`;
const CLIENT_SECRET = 'GuardS3cretThirtyCharactersLon';
const OWNER = 'owner@example.com';

/** The directory's 100 people: person001@example.com (E001) ... person100@example.com (E100). */
const PEOPLE = Array.from({ length: 100 }, (_, index) => {
  const number = String(index + 1).padStart(3, '0');
  return { email: `person${number}@example.com`, externalId: `E${number}` };
});
const emailsOf = (people: readonly { email: string }[]) => people.map((p) => p.email).sort();

interface Scenario {
  readonly bitwarden: RunningBitwardenServer;
  /** `bwdc` on this scenario's data file, directory export and Bitwarden server. */
  readonly bwdc: (args: string[]) => Promise<BwdcRun>;
  /** Rewrites the directory: the CSV export the file provider reads. */
  readonly writeDirectory: (
    people: readonly { email: string; externalId: string }[],
  ) => Promise<void>;
  /** The organization's members' emails, sorted, as the server holds them now. */
  readonly members: () => string[];
  /** Import requests the server received so far. */
  readonly imports: () => number;
  readonly stop: () => Promise<void>;
}

/**
 * An organization of the owner and 100 members who already have accounts (confirmed, with a master
 * password), so that overwrite may remove them; a CSV export listing the same 100; `bwdc` set up
 * with overwrite on, as an admin would, and a first sync that links the 100 to the directory.
 */
async function startScenario(): Promise<Scenario> {
  const bitwarden = await startBitwardenServer({
    seed: {
      organizations: [
        {
          id: ORG_ID,
          apiKey: CLIENT_SECRET,
          members: [
            { email: OWNER, type: 'owner', status: 'confirmed', hasMasterPassword: true },
            ...PEOPLE.map(({ email }) => ({
              email,
              type: 'user' as const,
              status: 'confirmed' as const,
              hasMasterPassword: true,
            })),
          ],
          groups: [],
        },
      ],
    },
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'bwdc-guard-'));
  const exportFile = path.join(dir, 'people.csv');
  const env = {
    BITWARDENCLI_CONNECTOR_APPDATA_DIR: dir,
    BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true',
    BW_CLIENTID: CLIENT_ID,
    BW_CLIENTSECRET: CLIENT_SECRET,
  };
  const bwdc = (args: string[]) => runBwdc({ dataFile: path.join(dir, 'data.json'), env, args });
  const writeDirectory: Scenario['writeDirectory'] = (people) =>
    writeFile(
      exportFile,
      ['email,externalId', ...people.map((p) => `${p.email},${p.externalId}`)].join('\n') + '\n',
    );
  const scenario: Scenario = {
    bitwarden,
    bwdc,
    writeDirectory,
    members: () =>
      bitwarden
        .organization(ORG_ID)
        .members.map((member) => member.email)
        .sort(),
    imports: () =>
      bitwarden.requests.filter((request) =>
        request.path.toLowerCase().endsWith('/public/organization/import'),
      ).length,
    stop: async () => {
      await bitwarden.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  const settings: [string, string][] = [
    ['server', bitwarden.url],
    ['directory', 'file'],
    ['file.path', exportFile],
    ['sync.users', 'true'],
    ['sync.groups', 'true'],
    ['sync.overwriteExisting', 'true'],
  ];
  for (const [setting, value] of settings) {
    expect(await bwdc(['config', setting, value])).toMatchObject({ exitCode: 0 });
  }
  expect(await bwdc(['login'])).toMatchObject({ exitCode: 0 });
  await writeDirectory(PEOPLE);
  const first = await bwdc(['sync']);
  expect(first).toMatchObject({ stderr: '', exitCode: 0 });
  expect(bitwarden.organization(ORG_ID).members.filter((m) => m.externalId !== null)).toHaveLength(
    100,
  );
  return scenario;
}

/** The emails a refused sync listed on stderr, one a line after "Would remove:". */
function listedRemovals(stderr: string): string[] {
  const lines = stderr.split('\n');
  return lines
    .slice(lines.indexOf('Would remove:') + 1)
    .filter((line) => line.startsWith('  '))
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .sort();
}

const KEPT = PEOPLE.slice(0, 70);
const GONE = PEOPLE.slice(70);

describe('the deletion guard (acceptance)', () => {
  describe('a directory change that would remove 30 of 101 members', () => {
    let scenario: Scenario;

    beforeAll(async () => {
      scenario = await startScenario();
      await scenario.writeDirectory(KEPT);
    }, 60_000);

    afterAll(() => scenario?.stop());

    it('is refused by bwdc sync with exit code 3, naming exactly those 30, and nothing is sent', async () => {
      const importsBefore = scenario.imports();

      const refused = await scenario.bwdc(['sync']);
      const envelope = await scenario.bwdc(['--response', 'sync']);

      expect(refused.exitCode).toBe(3);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.split('\n')[0]).toMatch(
        /^The sync would remove 30 of 101 members, more than the deletion guard allows \(10\); nothing was sent\..*bwdc sync --force/,
      );
      expect(listedRemovals(refused.stderr)).toEqual(emailsOf(GONE));
      expect(envelope.exitCode).toBe(3);
      const json = JSON.parse(envelope.stdout) as {
        success: boolean;
        errorCode: string;
        guard: { removals: { email: string; reason: string }[]; limit: number };
      };
      expect(json).toMatchObject({
        success: false,
        errorCode: 'DELETION_GUARD_TRIPPED',
        guard: { reason: 'too-many-removals', limit: 10, organizationMembers: 101 },
      });
      expect(emailsOf(json.guard.removals)).toEqual(emailsOf(GONE));
      expect(json.guard.removals.every((removal) => removal.reason === 'unlisted')).toBe(true);
      expect(scenario.imports()).toBe(importsBefore);
      expect(scenario.members()).toEqual([OWNER, ...emailsOf(PEOPLE)].sort());
    });

    it('is previewed by bwdc plan: the same 30 removals, and the guard would refuse', async () => {
      const importsBefore = scenario.imports();

      const text = await scenario.bwdc(['plan']);
      const envelope = await scenario.bwdc(['--response', 'plan']);

      expect(text.exitCode).toBe(0);
      expect(text.stdout).toMatch(/removed +30 +\(deleted 0, disabled 0, unlisted 30\)/);
      for (const { email } of GONE) {
        expect(text.stdout).toContain(`  ${email}  `);
      }
      expect(text.stdout).toContain(
        'the sync would be REFUSED by the deletion guard; run bwdc sync --force to apply.',
      );
      const plan = (JSON.parse(envelope.stdout) as { data: PlanReport & { object: string } }).data;
      expect(plan.object).toBe('plan');
      expect(emailsOf(plan.organization.members.removed)).toEqual(emailsOf(GONE));
      expect(plan.guard).toMatchObject({
        removals: 30,
        limit: 10,
        organizationMembers: 101,
        tooManyRemovals: true,
      });
      expect(scenario.imports()).toBe(importsBefore);
    });

    it('is applied by bwdc sync --force, which removes those 30', async () => {
      const forced = await scenario.bwdc(['sync', '--force']);

      expect(forced).toMatchObject({ stderr: '', exitCode: 0 });
      expect(forced.stdout).toContain(
        "Removed 30 of 101 member(s) (past the deletion guard's limit of 10, as forced).",
      );
      expect(scenario.members()).toEqual([OWNER, ...emailsOf(KEPT)].sort());
    });

    it('leaves the refused run and the forced sync in bwdc history', async () => {
      const text = await scenario.bwdc(['history']);
      const envelope = await scenario.bwdc(['--response', 'history']);

      const runs = (JSON.parse(envelope.stdout) as { data: { runs: RunRecord[] } }).data.runs;
      const syncs = runs.filter((run) => run.kind === 'sync');
      // Newest first: the forced sync, the two refusals, the first sync.
      expect(syncs.map((run) => run.outcome)).toEqual(['sent', 'refused', 'refused', 'sent']);
      expect(syncs[1]).toMatchObject({
        source: 'cli',
        trigger: 'manual',
        batches: 0,
        guard: { reason: 'too-many-removals', removals: 30, limit: 10, overridden: false },
      });
      expect(syncs[0]).toMatchObject({
        plannedRemovals: 30,
        guard: { reason: 'too-many-removals', removals: 30, overridden: true },
      });
      expect(runs.filter((run) => run.kind === 'plan')).toHaveLength(2);
      expect(text.exitCode).toBe(0);
      expect(text.stdout).toMatch(
        /sync +cli +manual +refused .*deletion guard: 30 removal\(s\), limit 10 \(DELETION_GUARD_TRIPPED\)\n/,
      );
      expect(text.stdout).toMatch(/sync +cli +manual +sent .*limit 10, overridden\n/);
    });
  });

  describe('a change within the limit', () => {
    let scenario: Scenario;

    beforeAll(async () => {
      scenario = await startScenario();
    }, 60_000);

    afterAll(() => scenario?.stop());

    it('goes through without --force: 5 of 101 removed', async () => {
      await scenario.writeDirectory(PEOPLE.slice(5));

      const sync = await scenario.bwdc(['sync']);

      expect(sync).toMatchObject({ stderr: '', exitCode: 0 });
      expect(sync.stdout).toContain('Removed 5 of 101 member(s)');
      expect(scenario.members()).toEqual([OWNER, ...emailsOf(PEOPLE.slice(5))].sort());
    });
  });

  describe('an empty read after a sync that had users', () => {
    let scenario: Scenario;

    beforeAll(async () => {
      scenario = await startScenario();
      await scenario.writeDirectory([]);
    }, 60_000);

    afterAll(() => scenario?.stop());

    it('is refused with exit code 3 and EMPTY_DIRECTORY_READ, sending nothing', async () => {
      const importsBefore = scenario.imports();

      const text = await scenario.bwdc(['sync']);
      const envelope = await scenario.bwdc(['--response', 'sync']);

      expect(text.exitCode).toBe(3);
      expect(text.stderr).toMatch(
        /^The directory returned no users, where the last successful sync had 100; nothing was sent\.[^\n]*\n$/,
      );
      expect(envelope.exitCode).toBe(3);
      expect(JSON.parse(envelope.stdout)).toMatchObject({
        success: false,
        errorCode: 'EMPTY_DIRECTORY_READ',
        guard: { reason: 'empty-read', lastSyncUsers: 100 },
      });
      expect(scenario.imports()).toBe(importsBefore);
      expect(scenario.members()).toHaveLength(101);
    });

    it('is applied with --force: overwrite removes everyone but the owner', async () => {
      const forced = await scenario.bwdc(['sync', '--force']);

      expect(forced).toMatchObject({ stderr: '', exitCode: 0 });
      expect(scenario.members()).toEqual([OWNER]);
    });
  });

  describe('sync.maxRemovals', () => {
    let scenario: Scenario;

    beforeAll(async () => {
      scenario = await startScenario();
      await scenario.writeDirectory(KEPT);
    }, 60_000);

    afterAll(() => scenario?.stop());

    it('raised to 40, lets the 30-removal sync through without --force', async () => {
      expect(await scenario.bwdc(['config', 'sync.maxRemovals', '40'])).toMatchObject({
        exitCode: 0,
      });

      const sync = await scenario.bwdc(['sync']);

      expect(sync).toMatchObject({ stderr: '', exitCode: 0 });
      expect(sync.stdout).toContain(
        "Removed 30 of 101 member(s) (within the deletion guard's limit of 40).",
      );
      expect(scenario.members()).toEqual([OWNER, ...emailsOf(KEPT)].sort());
    });
  });
});

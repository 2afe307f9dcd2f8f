import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';

import { startBitwardenServer, type RunningBitwardenServer } from '@bwdc/bitwarden-server';
import { normaliseServerUrl } from '@bwdc/core';
import { startOpenLdap, type RunningOpenLdap } from '@bwdc/directory-servers';
import { DATA_KEYS } from '@bwdc/storage';
import type { Page } from 'playwright-core';

import { APP_BUILD_TIMEOUT_MS, APP_BUNDLES, buildApp } from './build-app';
import { E2E_CONNECTOR_ENV, startDesktopStack, type DesktopStack } from './desktop-stack';
import { launchChromium, type E2eBrowser } from './launch-chromium';
import { runBwdc } from './run-bwdc';
import { WORKSPACE_ROOT } from './paths';
import { clearScreenshots, screenshot, withFailureScreenshot } from './screenshot';
import { Teardown } from './teardown';
import { waitForText, waitForValue } from './wait-for-text';

const ORG_ID = '3f1e7a52-8c4d-4b6e-9a0f-1d2c3b4a5e6f';
const CLIENT_ID = `organization.${ORG_ID}`;
const CLIENT_SECRET = 'k3yS3cr3tThirtyCharactersLong0';
const FIXTURE = path.join(
  WORKSPACE_ROOT,
  'tools/directory-servers/openldap/fixtures/directory-20.ldif',
);
/** The fixture's groups and how many members each has. */
const FIXTURE_GROUPS = {
  'Blue Team': 3,
  'Red Team': 2,
  Cleaners: 0,
  'DevOps Team': 3,
  'Security Team': 2,
};
/** One step in a browser: a click, a wait for the Connector, a screenshot. CI is slow. */
const STEP_TIMEOUT_MS = 90_000;

/** The fixture's user emails as the Connector lists them (lower case), sorted. */
async function fixtureEmails(): Promise<string[]> {
  const ldif = await readFile(FIXTURE, 'utf8');
  return [...ldif.matchAll(/^mail: (.+)$/gm)]
    .map((match) => (match[1] ?? '').trim().toLowerCase())
    .sort();
}

/**
 * The desktop app end to end: the built renderer in headless Chromium, served by the test host
 * over main's real composition, against the Bitwarden server emulator and a real slapd with
 * upstream's fixture. The steps run in order on one page, as a user would go through them.
 */
describe('the desktop app in Chromium, end to end', () => {
  const teardown = new Teardown();
  let stack: DesktopStack<RunningBitwardenServer, RunningOpenLdap>;
  let browser: E2eBrowser;
  let page: Page;

  beforeAll(
    async () => {
      await clearScreenshots();
      // One build per run, before anything starts: a compile error fails here, with its messages.
      const staticDir = await buildApp();
      stack = await startDesktopStack({
        staticDir,
        startBitwarden: () =>
          startBitwardenServer({
            seed: {
              organizations: [
                {
                  id: ORG_ID,
                  apiKey: CLIENT_SECRET,
                  members: [{ email: 'owner@example.com', type: 'owner', status: 'confirmed' }],
                  groups: [],
                },
              ],
            },
          }),
        startDirectory: () => startOpenLdap({ seed: { files: [FIXTURE] } }),
      });
      teardown.add(() => stack.stop());
      browser = await launchChromium();
      teardown.add(() => browser.close());
      page = browser.page;
    },
    APP_BUILD_TIMEOUT_MS + 2 * 60_000,
  );

  afterAll(() => teardown.run(), 60_000);

  /** One step of the flow, with a screenshot of the page when it fails. */
  const step = (name: string, slug: string, run: () => Promise<void>) =>
    it(name, () => withFailureScreenshot(page, slug, run), STEP_TIMEOUT_MS);

  it('was built by npx nx build desktop: main, preload and renderer bundles', async () => {
    const sizes = await Promise.all(
      Object.values(APP_BUNDLES).map(async (file) => (await stat(file)).size),
    );

    expect(sizes.every((size) => size > 0)).toBe(true);
    await expect(readFile(APP_BUNDLES.main, 'utf8')).resolves.toContain('require("electron")');
  });

  step('opens on the login screen', 'login', async () => {
    await page.goto(stack.appUrl);

    await page.locator('#client-id').waitFor();
    await page.locator('#client-secret').waitFor();
    expect(await page.locator('button.log-in').isDisabled()).toBe(true);
    expect(await page.locator('.logged-in').count()).toBe(0);
    // The token left the address bar at once (test-host-connector.ts).
    expect(page.url()).not.toContain(stack.host.token);
    await screenshot(page, 'login');
  });

  step('saves the Bitwarden server in the server settings dialog', 'server-settings', async () => {
    await page.locator('button.server-settings').click();
    const dialog = page.getByRole('dialog', { name: 'Server settings' });
    await dialog.locator('#server-url').fill(stack.bitwarden.url);
    await screenshot(page, 'server-settings');

    await dialog.locator('button.save').click();

    await dialog.waitFor({ state: 'detached' });
    const saved = DATA_KEYS.server.read(await stack.desktop.dataFile.read());
    expect(saved.base).toBe(normaliseServerUrl(stack.bitwarden.url));
  });

  step('logs in with the organization API key and shows the dashboard', 'dashboard', async () => {
    await page.locator('#client-id').fill(CLIENT_ID);
    await page.locator('#client-secret').fill(CLIENT_SECRET);

    await page.locator('button.log-in').click();

    await waitForText(page.locator('.logged-in'), ORG_ID);
    await page.locator('button.nav-dashboard[aria-current="page"]').waitFor();
    await page.locator('bwdc-test-now button.test-now').waitFor();
    expect(await page.locator('.logged-in').innerText()).toContain(`Organization ${ORG_ID}`);
    expect(await page.locator('#client-id').count()).toBe(0);
    await screenshot(page, 'dashboard');
  });

  step(
    'configures LDAP on the Settings screen, with the problems shown at their fields',
    'settings',
    async () => {
      await page.locator('button.nav-settings').click();
      await page.locator('#directory-type').selectOption('ldap');
      const field = (name: string) => page.locator(`#field-directory-${name}`);
      const sync = (name: string) => page.locator(`#field-sync-${name}`);

      // Checked in the window before anything is sent.
      await field('port').fill('38x9');
      await field('port').blur();
      await waitForText(page.locator('[data-error-for="directory.port"]'), /number/i);
      await field('port').fill(new URL(stack.directory.url).port);
      // Checked by the provider's schema in main, shown at the field.
      await field('hostname').fill('');
      await page.locator('button.save-settings').click();
      await waitForText(page.locator('[data-problem-for="directory.hostname"]'), /required/);
      expect(DATA_KEYS.directoryType.read(await stack.desktop.dataFile.read())).toBeNull();

      await field('hostname').fill('127.0.0.1');
      await field('rootPath').fill(stack.directory.suffix);
      await field('username').fill(stack.directory.reader.dn);
      await field('ad').uncheck();
      await page.locator('#field-secret').fill(stack.directory.reader.password);
      await sync('users').check();
      await sync('groups').check();
      await sync('userObjectClass').fill('person');
      await sync('groupObjectClass').fill('posixGroup');
      await sync('groupNameAttribute').fill('cn');
      await sync('userEmailAttribute').fill('mail');
      await sync('memberAttribute').fill('memberUid');
      await page.locator('button.save-settings').click();

      await waitForText(page.locator('.saved-message'), 'Settings saved.');
      await screenshot(page, 'settings');
      const file = await stack.desktop.dataFile.read();
      expect(DATA_KEYS.directoryType.read(file)).toBe('ldap');
      expect(DATA_KEYS.directories.read(file)['ldap']).toMatchObject({
        hostname: '127.0.0.1',
        port: Number(new URL(stack.directory.url).port),
        ad: false,
      });
      expect(JSON.stringify(DATA_KEYS.directories.read(file))).not.toContain(
        stack.directory.reader.password,
      );
    },
  );

  step(
    'tests the directory: its 20 users and 5 groups with their members',
    'test-now',
    async () => {
      await page.locator('button.nav-dashboard').click();
      const imports = () =>
        stack.bitwarden.requests.filter((r) => r.path.endsWith('/import')).length;

      const testNow = page.locator('bwdc-test-now');
      await testNow.locator('button.test-now').click();

      await testNow.getByRole('tab', { name: 'Enabled users (20)', exact: true }).waitFor();
      await waitForText(testNow.locator('.shown'), '20 of 20 shown');
      expect((await testNow.locator('ul.users li.user .email').allInnerTexts()).sort()).toEqual(
        await fixtureEmails(),
      );
      await expect(
        testNow.getByRole('tab', { name: 'Groups (5)', exact: true }).isVisible(),
      ).resolves.toBe(true);
      await screenshot(page, 'test-now');

      await testNow.locator('button.section-groups').click();

      await waitForText(testNow.locator('.shown'), '5 of 5 shown');
      const rows = await testNow.locator('ul.groups li.group').all();
      const counts = await Promise.all(
        rows.map(async (row) => [
          await row.locator('.group-name').innerText(),
          Number(await row.locator('.member-count').innerText()),
        ]),
      );
      expect(Object.fromEntries(counts)).toEqual(FIXTURE_GROUPS);
      await screenshot(page, 'test-now-groups');
      // A test reads the directory and sends nothing to the organization.
      expect(imports()).toBe(0);
    },
  );

  step(
    'Preview changes lists the 20 members the first sync adds, sending nothing',
    'preview',
    async () => {
      const imports = () =>
        stack.bitwarden.requests.filter((r) => r.path.endsWith('/import')).length;
      const preview = page.locator('bwdc-plan-preview');

      await preview.locator('button.preview-changes').click();

      await preview.getByRole('tab', { name: 'To add (20)', exact: true }).waitFor();
      await waitForText(preview.locator('.shown'), '20 of 20 shown');
      expect(
        (await preview.locator('ul.plan-members li.plan-member .email').allInnerTexts()).sort(),
      ).toEqual(await fixtureEmails());
      await waitForText(preview.locator('.guard-verdict'), 'removes no members');
      await screenshot(page, 'preview');
      expect(imports()).toBe(0);
    },
  );

  step(
    'Sync now sends the directory to the organization and records the run',
    'sync-now',
    async () => {
      await page.locator('button.sync-now').click();

      await waitForText(page.locator('.sync-result'), 'Sent to Bitwarden: 20 users, 5 groups');
      await waitForText(page.locator('table.run-history tr.run .run-trigger'), 'Sync now');
      const members = stack.bitwarden
        .organization(ORG_ID)
        .members.filter((member) => member.externalId !== null)
        .map((member) => member.email)
        .sort();
      expect(members).toEqual(await fixtureEmails());
      expect(
        stack.bitwarden
          .organization(ORG_ID)
          .groups.map((group) => group.name)
          .sort(),
      ).toEqual(Object.keys(FIXTURE_GROUPS).sort());
      await screenshot(page, 'sync-now');
    },
  );

  step(
    'Start Sync schedules a run that happens, and Stop ends the schedule',
    'schedule',
    async () => {
      await page.locator('button.start-sync').click();

      await waitForText(page.locator('.schedule-state'), 'Running');
      await page.locator('.next-sync').waitFor();
      // The test host runs the scheduler's time 300 times faster: 5 minutes pass in a second.
      await waitForText(page.locator('table.run-history tr.run .run-trigger'), 'Scheduled');
      await screenshot(page, 'schedule');
      await page.locator('button.stop-sync').click();
      await waitForText(page.locator('.schedule-state'), 'Stopped');
      const { history } = await stack.desktop.bridge.status();
      expect(history.find((run) => run.trigger === 'schedule')).toMatchObject({
        kind: 'sync',
        source: 'desktop',
        error: null,
      });
    },
  );

  step(
    'shows a change made with bwdc to the same data file, without a restart',
    'cli-change',
    async () => {
      const dataDir = path.dirname(stack.desktop.dataFile.file);

      await runBwdc(dataDir, E2E_CONNECTOR_ENV, ['config', 'sync.interval', '10']);

      await waitForText(page.locator('.sync-interval'), 'Every 10 minutes');
      await page.locator('button.nav-settings').click();
      await page.locator('#field-sync-interval').waitFor();
      expect(await page.locator('#field-sync-interval').inputValue()).toBe('10');

      await runBwdc(dataDir, E2E_CONNECTOR_ENV, ['config', 'sync.userFilter', '(uid=*)']);

      await waitForValue(page.locator('#field-sync-userFilter'), '(uid=*)');
      await screenshot(page, 'settings-after-cli');
    },
  );

  step('shows a run made with bwdc in the shared run history', 'history-cli', async () => {
    const dataDir = path.dirname(stack.desktop.dataFile.file);

    await runBwdc(dataDir, E2E_CONNECTOR_ENV, ['test']);
    await page.locator('button.nav-dashboard').click();

    await waitForText(page.locator('table.run-history tr.run:first-child .run-source'), 'bwdc');
    expect(
      await page.locator('table.run-history tr.run:first-child .run-trigger').innerText(),
    ).toBe('Test');
    expect((await stack.desktop.bridge.status()).history[0]).toMatchObject({
      kind: 'test',
      source: 'cli',
    });
    await screenshot(page, 'history-cli');
  });

  step('More shows the version, the data file and the log of the runs', 'more', async () => {
    await page.locator('button.nav-more').click();

    await waitForText(page.locator('.app-version'), '0.0.0-e2e');
    await waitForText(page.locator('.data-file-path'), stack.desktop.dataFile.file);
    await waitForText(page.locator('li.log-line'), /Sync sent 20 users and 5 groups/);
    await screenshot(page, 'more');
  });

  it('reached nothing but loopback and threw nothing in the page', () => {
    expect(browser.refusedRequests).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});

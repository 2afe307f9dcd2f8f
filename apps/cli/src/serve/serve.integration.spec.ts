import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { startBitwardenServer, type RunningBitwardenServer } from '@bwdc/bitwarden-server';
import {
  bwdcLdapConnectionSettings,
  startOpenLdap,
  type RunningOpenLdap,
} from '@bwdc/directory-servers';
import { DATA_KEYS, DataFileStore } from '@bwdc/storage';

import { runBwdc } from '../cli-test-harness';

const ORG_ID = '5b0c1e7a-2d4f-4c8e-9a1b-3c5d7e9f0a2b';
const CLIENT_ID = `organization.${ORG_ID}`;
const CLIENT_SECRET = 'S3rv3Cl13ntS3cr3tThirtyCharsX0';
/** Stands for the token a Slack or Teams webhook URL carries in its path. */
const WEBHOOK_TOKEN = 'T0K3N-fake-webhook-secret-8f2e41';
const workspaceRoot = path.resolve(__dirname, '../../../..');
const fixtures = path.join(workspaceRoot, 'tools/directory-servers/openldap/fixtures');

interface HealthBody {
  status: string;
  lastSuccessAt: string | null;
  lastOutcome: string | null;
  consecutiveFailures: number;
  nextRunAt: string | null;
  lastError: { code: string | null; message: string } | null;
}

interface WebhookPost {
  event: string;
  text: string;
  organizationId?: string;
  run: { outcome: string; startedAt: string; finishedAt: string; error?: { code: string | null } };
  service: { host: string; version: string };
}

/** Polls `probe` until it returns a value (not undefined); the Jest timeout bounds the wait. */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  let last: unknown;
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Gave up waiting for ${what}${last === undefined ? '' : `: ${String(last)}`}`);
}

/** `name{labels} value` lines of the Prometheus text, as a map. */
function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) {
      continue;
    }
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match === null) {
      throw new Error(`Not a Prometheus sample line: ${line}`);
    }
    samples.set(match[1] ?? '', Number(match[2]));
  }
  return samples;
}

const runsTotal = (metrics: Map<string, number>): number =>
  [...metrics.entries()]
    .filter(([name]) => name.startsWith('bwdc_runs_total{'))
    .reduce((sum, [, value]) => sum + value, 0);

describe('bwdc serve as a real process, against the local Bitwarden server and a real slapd', () => {
  let bitwarden: RunningBitwardenServer;
  let ldap: RunningOpenLdap;
  let dir: string;
  let env: Record<string, string>;
  let receiver: Server;
  let webhookUrl: string;
  const webhooks: WebhookPost[] = [];
  let serve: ChildProcess;
  let exited: Promise<number | null>;
  const lines: string[] = [];
  let baseUrl: string;

  beforeAll(async () => {
    [bitwarden, ldap] = await Promise.all([
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
      startOpenLdap({ seed: { files: [path.join(fixtures, 'directory-20.ldif')] } }),
    ]);
    dir = await mkdtemp(path.join(tmpdir(), 'bwdc-serve-'));
    env = {
      BITWARDENCLI_CONNECTOR_APPDATA_DIR: dir,
      BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true',
    };
    await configureAndLogIn();
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        webhooks.push(JSON.parse(body) as WebhookPost);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    webhookUrl = `http://127.0.0.1:${port}/hooks/${WEBHOOK_TOKEN}`;
  }, 60_000);

  afterAll(async () => {
    if (serve !== undefined && serve.exitCode === null && serve.signalCode === null) {
      serve.kill('SIGKILL');
    }
    await new Promise((resolve) => receiver?.close(resolve));
    await Promise.all([bitwarden?.stop(), ldap?.stop()]);
    await rm(dir, { recursive: true, force: true });
  });

  const dataFile = () => path.join(dir, 'data.json');

  async function bwdc(args: string[], extraEnv: Record<string, string> = {}) {
    const result = await runBwdc({ dataFile: dataFile(), env: { ...env, ...extraEnv }, args });
    expect({ args, exitCode: result.exitCode, stderr: result.stderr }).toEqual({
      args,
      exitCode: 0,
      stderr: '',
    });
    return result;
  }

  /** Upstream's LDAP test settings, set with the config verb as an admin would, then login. */
  async function configureAndLogIn(): Promise<void> {
    const settings: [string, string][] = [
      ['server', bitwarden.url],
      ...bwdcLdapConnectionSettings(ldap),
      ['sync.users', 'true'],
      ['sync.groups', 'true'],
      ['sync.userObjectClass', 'person'],
      ['sync.groupObjectClass', 'posixGroup'],
      ['sync.groupNameAttribute', 'cn'],
      ['sync.userEmailAttribute', 'mail'],
      ['sync.memberAttribute', 'memberUid'],
    ];
    for (const [setting, value] of settings) {
      await bwdc(['config', setting, value]);
    }
    await bwdc(['config', 'ldap.password', '--secretenv', 'LDAP_PASSWORD'], {
      LDAP_PASSWORD: ldap.reader.password,
    });
    await bwdc(['login'], { BW_CLIENTID: CLIENT_ID, BW_CLIENTSECRET: CLIENT_SECRET });
  }

  const members = () =>
    bitwarden.organization(ORG_ID).members.filter((member) => member.externalId !== null);

  async function health(): Promise<{ httpStatus: number; body: HealthBody }> {
    const response = await fetch(`${baseUrl}/health`);
    return { httpStatus: response.status, body: (await response.json()) as HealthBody };
  }

  async function metrics(): Promise<Map<string, number>> {
    const response = await fetch(`${baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return parseMetrics(await response.text());
  }

  it('starts, says where it listens in a JSON log line, and syncs on the schedule', async () => {
    serve = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'apps/cli/src/main.ts',
        'serve',
        '--port',
        '0',
        '--interval-seconds',
        '1',
        '--log-format',
        'json',
        '--webhook-url',
        webhookUrl,
      ],
      { cwd: workspaceRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    exited = new Promise((resolve) => serve.once('exit', resolve));
    for (const stream of [serve.stdout, serve.stderr]) {
      let pending = '';
      stream?.on('data', (chunk: Buffer) => {
        pending += chunk.toString();
        const complete = pending.split('\n');
        pending = complete.pop() ?? '';
        lines.push(...complete);
      });
    }
    baseUrl = await eventually('the listening line', async () => {
      const listening = lines
        .map((line) => JSON.parse(line) as { url?: string })
        .find((record) => record.url !== undefined);
      return listening?.url;
    });
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const synced = await eventually('two syncs and a success', async () => {
      const current = await metrics();
      return runsTotal(current) >= 2 && (current.get('bwdc_runs_total{outcome="sent"}') ?? 0) >= 1
        ? current
        : undefined;
    });

    expect(members()).toHaveLength(20);
    // The Connector recorded the runs in the shared history, as the service and on schedule.
    const runs = await (await DataFileStore.open({ file: dataFile() })).get(DATA_KEYS.runs);
    const serviceRuns = runs.filter((run) => run.source === 'service' && run.kind === 'sync');
    expect(serviceRuns.length).toBeGreaterThanOrEqual(2);
    expect(new Set(serviceRuns.map((run) => run.trigger))).toEqual(new Set(['schedule']));
    expect(serviceRuns.map((run) => run.outcome)).toContain('sent');
    expect(synced.get('bwdc_runs_total{outcome="failed"}')).toBe(0);
    expect(synced.get('bwdc_users_read')).toBe(20);
    // Where the service's last sync spent its time, from its run record.
    expect(synced.get('bwdc_last_run_phase_seconds{phase="read"}')).toBeGreaterThan(0);
    expect(synced.has('bwdc_last_run_phase_seconds{phase="import"}')).toBe(true);
    expect(synced.get('bwdc_up')).toBe(1);
  }, 60_000);

  it('answers /health ok with the last success, matching /metrics', async () => {
    // A run may end between the two requests: read until /health is the same before and after.
    const { before, sample } = await eventually('a stable health reading', async () => {
      const first = await health();
      const current = await metrics();
      const second = await health();
      return first.body.lastSuccessAt === second.body.lastSuccessAt
        ? { before: first, sample: current }
        : undefined;
    });

    expect(before.httpStatus).toBe(200);
    expect(before.body).toMatchObject({
      status: 'ok',
      consecutiveFailures: 0,
      lastError: null,
      lastOutcome: expect.stringMatching(/^(sent|unchanged|empty)$/),
    });
    expect(before.body.lastSuccessAt).not.toBeNull();
    expect(before.body.nextRunAt).not.toBeNull();
    expect(sample.get('bwdc_last_success_timestamp_seconds')).toBe(
      Date.parse(before.body.lastSuccessAt ?? '') / 1000,
    );
    expect(sample.get('bwdc_healthy')).toBe(1);
    expect(webhooks).toEqual([]);
  });

  it('answers 404 for other paths and 405 for other methods', async () => {
    const missing = await fetch(`${baseUrl}/status`);
    const posted = await fetch(`${baseUrl}/health`, { method: 'POST' });

    expect(missing.status).toBe(404);
    expect(posted.status).toBe(405);
    await Promise.all([missing.text(), posted.text()]);
  });

  it('turns degraded (503) while Bitwarden fails the import, with ONE failure webhook', async () => {
    bitwarden.injectFault({ route: 'import', times: 10_000, kind: 'status', status: 500 });
    // An unchanged directory sends nothing: forget the last sync so the next one sends again.
    await bwdc(['clear-cache']);

    const degraded = await eventually('two failed runs in a row', async () => {
      const current = await health();
      return current.body.consecutiveFailures >= 2 ? current : undefined;
    });

    expect(degraded.httpStatus).toBe(503);
    expect(degraded.body).toMatchObject({
      status: 'degraded',
      lastOutcome: 'failed',
      lastError: { code: 'SERVER_ERROR', message: expect.stringContaining('500') },
    });
    expect(webhooks).toHaveLength(1);
    expect(webhooks[0]).toMatchObject({
      event: 'failure',
      organizationId: ORG_ID,
      run: { outcome: 'failed', error: { code: 'SERVER_ERROR' } },
      service: { host: expect.any(String), version: expect.any(String) },
    });
    expect(webhooks[0]?.text).toMatch(/^[^\n]+$/);
    const sample = await metrics();
    expect(sample.get('bwdc_failures_total{kind="SERVER_ERROR"}')).toBeGreaterThanOrEqual(2);
    expect(sample.get('bwdc_healthy')).toBe(0);
  }, 90_000);

  it('recovers when Bitwarden does: ok again, with ONE recovery webhook', async () => {
    bitwarden.clearFaults();

    const recovered = await eventually('a success after the failures', async () => {
      const current = await health();
      return current.body.status === 'ok' ? current : undefined;
    });
    // One more successful run, so a second recovery webhook would have had its chance.
    await eventually('another run after the recovery', async () => {
      const current = await health();
      return current.body.lastSuccessAt !== recovered.body.lastSuccessAt ? current : undefined;
    });

    expect(recovered.httpStatus).toBe(200);
    expect(recovered.body).toMatchObject({ consecutiveFailures: 0, lastError: null });
    expect(webhooks.map((webhook) => webhook.event)).toEqual(['failure', 'recovery']);
    expect(webhooks[1]).toMatchObject({ organizationId: ORG_ID, run: { outcome: 'sent' } });
    expect(members()).toHaveLength(20);
  }, 60_000);

  it('stops on SIGTERM with exit code 0, every line JSON and no secret anywhere', async () => {
    serve.kill('SIGTERM');

    await expect(exited).resolves.toBe(0);
    await expect(fetch(`${baseUrl}/health`)).rejects.toThrow();
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines.filter((text) => text !== '')) {
      const record = JSON.parse(line) as Record<string, unknown>;
      expect({ line, level: typeof record['level'], time: typeof record['time'] }).toEqual({
        line,
        level: 'string',
        time: 'string',
      });
      expect(typeof record['msg']).toBe('string');
    }
    const everything = lines.join('\n');
    expect(everything).not.toContain(CLIENT_SECRET);
    expect(everything).not.toContain(ldap.reader.password);
    expect(everything).not.toContain(WEBHOOK_TOKEN);
    expect(everything).toContain('"msg":"bwdc serve stopped."');
  }, 60_000);
});

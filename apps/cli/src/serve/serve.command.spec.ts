import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { runBwdc } from '../cli-test-harness';

/** A loopback port nothing listens on (the service is then told to take it). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Polls /health until `accept` takes the answer. */
async function healthWhen(
  url: string,
  accept: (body: Record<string, unknown>) => boolean,
): Promise<{ status: number; body: Record<string, unknown> }> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      const response = await fetch(url);
      const body = (await response.json()) as Record<string, unknown>;
      if (accept(body)) {
        return { status: response.status, body };
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/health never answered as expected at ${url}`);
}

describe('bwdc serve in this process', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bwdc-serve-command-'));
  });

  afterEach(() => rm(dir, { recursive: true, force: true }));

  const invocation = (args: string[], stop?: AbortSignal) => ({
    dataFile: path.join(dir, 'data.json'),
    env: {
      BITWARDENCLI_CONNECTOR_APPDATA_DIR: dir,
      BITWARDENCLI_CONNECTOR_PLAINTEXT_SECRETS: 'true',
    },
    args,
    ...(stop === undefined ? {} : { stop }),
  });

  it('keeps running when not logged in, degraded, logging text lines; stops with exit code 0', async () => {
    const port = await freePort();
    const stop = new AbortController();

    const running = runBwdc(
      invocation(
        ['serve', '--port', String(port), '--interval-seconds', '1', '--log-format', 'text'],
        stop.signal,
      ),
    );
    const degraded = await healthWhen(
      `http://127.0.0.1:${port}/health`,
      (body) => typeof body['consecutiveFailures'] === 'number' && body['consecutiveFailures'] >= 2,
    );
    stop.abort();
    const result = await running;

    expect(degraded.status).toBe(503);
    expect(degraded.body).toMatchObject({
      status: 'degraded',
      lastSuccessAt: null,
      lastOutcome: 'failed',
      lastError: { code: 'NOT_LOGGED_IN', message: expect.stringContaining('bwdc login') },
      schedule: 'every 1 second',
    });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(4);
    for (const line of lines) {
      expect(line).toMatch(/^\d{4}-\d\d-\d\dT\S+Z (DEBUG|INFO |WARN |ERROR) \S/);
    }
    expect(lines).toContainEqual(
      expect.stringMatching(
        /ERROR Sync failed; waiting for the next scheduled run: You are not logged in\..* code=NOT_LOGGED_IN/,
      ),
    );
    expect(lines.at(-1)).toMatch(/INFO {2}bwdc serve stopped\.$/);
  }, 30_000);

  it('refuses a flag it cannot use, naming it, before starting anything', async () => {
    const result = await runBwdc(invocation(['serve', '--log-format', 'xml']));

    expect(result).toMatchObject({ stdout: '', exitCode: 1 });
    expect(result.stderr).toBe(
      "The --log-format value 'xml' is not valid: expected one of json, text. Fix --log-format (bwdc serve --help lists every option).\n",
    );
  });

  it('exits 1 with one log line when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const result = await runBwdc(
        invocation(['serve', '--port', String(port), '--log-format', 'json']),
      );

      expect(result.exitCode).toBe(1);
      const records = result.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(records).toEqual([
        expect.objectContaining({
          level: 'error',
          msg: `bwdc serve could not start: Port 127.0.0.1:${port} is already in use. Stop what listens there, or choose another port with --port or BWDC_SERVE_PORT.`,
        }),
      ]);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

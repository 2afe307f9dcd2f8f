import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { RunResult } from './run-result';
import { failedAt, guardTrip, succeededAt } from './serve-test-data';
import {
  WebhookNotifier,
  webhookEventFor,
  type WebhookBody,
  type WebhookEvent,
} from './webhook-notifier';

/** The events a sequence of runs sends, starting from none sent. */
function eventsFor(results: readonly RunResult[]): (WebhookEvent | null)[] {
  let lastSent: WebhookEvent | null = null;
  return results.map((result) => {
    const event = webhookEventFor(lastSent, result);
    lastSent = event ?? lastSent;
    return event;
  });
}

describe('webhookEventFor', () => {
  it('sends nothing while runs succeed', () => {
    expect(eventsFor([succeededAt(0), succeededAt(10, 'unchanged')])).toEqual([null, null]);
  });

  it('sends ONE failure for a streak of failures, and ONE recovery after it', () => {
    expect(
      eventsFor([
        succeededAt(0),
        failedAt(10),
        failedAt(20),
        failedAt(30),
        succeededAt(40),
        succeededAt(50),
      ]),
    ).toEqual([null, 'failure', null, null, 'recovery', null]);
  });

  it('sends a guard event when a guard refuses, once per streak of refusals', () => {
    expect(
      eventsFor([
        failedAt(0, guardTrip()),
        failedAt(10, guardTrip()),
        failedAt(20),
        succeededAt(30),
      ]),
    ).toEqual(['guard', null, 'failure', 'recovery']);
  });
});

describe('WebhookNotifier', () => {
  let receiver: Server;
  let url: string;
  let answer = 204;
  const received: { path: string; type: string | undefined; body: WebhookBody }[] = [];
  const warnings: { fields: Record<string, unknown>; message: string }[] = [];
  const log = {
    warn: (fields: Record<string, unknown>, message: string) => warnings.push({ fields, message }),
    debug: () => undefined,
  };

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push({
          path: request.url ?? '',
          type: request.headers['content-type'],
          body: JSON.parse(body) as WebhookBody,
        });
        response.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/services/T000/B000/s3cr3t-token`;
  });

  afterAll(() => new Promise((resolve) => receiver.close(resolve)));

  beforeEach(() => {
    received.length = 0;
    warnings.length = 0;
    answer = 204;
  });

  it('posts one failure and one recovery as JSON, with a one-line text', async () => {
    const notifier = new WebhookNotifier({
      url,
      service: { host: 'sync-01', version: '1.2.3' },
      log,
    });

    for (const result of [failedAt(0), failedAt(10), succeededAt(20)]) {
      notifier.runFinished(result, 'org-1');
    }
    await notifier.drain();

    expect(received.map(({ body }) => body.event)).toEqual(['failure', 'recovery']);
    expect(received[0]).toEqual({
      path: '/services/T000/B000/s3cr3t-token',
      type: 'application/json',
      body: {
        event: 'failure',
        text: expect.stringMatching(
          /^bwdc serve on sync-01: the directory sync failed \(SERVER_ERROR\)\. [^\n]+$/,
        ),
        organizationId: 'org-1',
        run: {
          outcome: 'failed',
          startedAt: '2026-03-02T10:00:00.000Z',
          finishedAt: '2026-03-02T10:00:01.000Z',
          error: {
            code: 'SERVER_ERROR',
            side: 'bitwarden',
            message: expect.stringContaining('(500)'),
          },
        },
        service: { host: 'sync-01', version: '1.2.3' },
      },
    });
    expect(received[1]?.body).toMatchObject({ event: 'recovery', run: { outcome: 'sent' } });
    expect(received[1]?.body.run).not.toHaveProperty('error');
    expect(warnings).toEqual([]);
  });

  it('logs a warning without the URL when the receiver fails, and goes on', async () => {
    answer = 500;
    const notifier = new WebhookNotifier({
      url,
      service: { host: 'sync-01', version: '1.2.3' },
      log,
    });

    notifier.runFinished(failedAt(0, guardTrip()), null);
    await notifier.drain();

    expect(received.map(({ body }) => body.event)).toEqual(['guard']);
    expect(received[0]?.body).not.toHaveProperty('organizationId');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('HTTP 500');
    expect(JSON.stringify(warnings)).not.toContain('s3cr3t-token');
  });

  it('logs a warning without the URL when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const notifier = new WebhookNotifier({
      url: `http://127.0.0.1:${port}/hooks/s3cr3t-token`,
      service: { host: 'sync-01', version: '1.2.3' },
      log,
    });

    notifier.runFinished(failedAt(0), null);
    await notifier.drain();

    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('could not be sent (ECONNREFUSED)');
    expect(JSON.stringify(warnings)).not.toContain('s3cr3t-token');
  });
});

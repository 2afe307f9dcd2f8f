import type { RunResult } from './run-result';

export type WebhookEvent = 'failure' | 'guard' | 'recovery';

export interface WebhookBody {
  readonly event: WebhookEvent;
  /** One line, for Slack's and Teams' incoming webhooks, which show `text`. */
  readonly text: string;
  readonly organizationId?: string;
  readonly run: {
    readonly outcome: RunResult['outcome'];
    readonly startedAt: string;
    readonly finishedAt: string;
    readonly error?: {
      readonly code: string | null;
      readonly side: string | null;
      readonly message: string;
    };
  };
  readonly service: { readonly host: string; readonly version: string };
}

/** The warnings a notifier logs; it never logs the URL. */
export interface WebhookLog {
  warn(fields: Record<string, unknown>, message: string): void;
  debug(fields: Record<string, unknown>, message: string): void;
}

export interface WebhookNotifierOptions {
  /** Never logged: it often carries a token. */
  readonly url: string;
  readonly service: WebhookBody['service'];
  readonly log: WebhookLog;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

export const WEBHOOK_TIMEOUT_MS = 5000;

/**
 * Which event a run calls for, given the one last sent: one `failure` (or `guard`) for a streak
 * of failed (or refused) runs, not one per retry; one `recovery` for the first success after it.
 */
export function webhookEventFor(
  lastSent: WebhookEvent | null,
  result: RunResult,
): WebhookEvent | null {
  if (result.failure === null) {
    return lastSent === null || lastSent === 'recovery' ? null : 'recovery';
  }
  const event = result.failure.kind === 'guard' ? 'guard' : 'failure';
  return event === lastSent ? null : event;
}

export function webhookBody(
  event: WebhookEvent,
  result: RunResult,
  service: WebhookBody['service'],
  organizationId: string | null,
): WebhookBody {
  const failure = result.failure;
  return {
    event,
    text: webhookText(event, result, service.host),
    ...(organizationId === null ? {} : { organizationId }),
    run: {
      outcome: result.outcome,
      startedAt: result.startedAt.toISOString(),
      finishedAt: result.finishedAt.toISOString(),
      ...(failure === null
        ? {}
        : { error: { code: failure.code, side: failure.side, message: failure.message } }),
    },
    service,
  };
}

function webhookText(event: WebhookEvent, result: RunResult, host: string): string {
  const where = `bwdc serve on ${host}`;
  const failure = result.failure;
  switch (event) {
    case 'recovery':
      return `${where}: the directory sync works again (${result.outcome} at ${result.finishedAt.toISOString()}).`;
    case 'guard':
      return `${where}: a guard refused the directory sync, nothing was sent; a human has to look. ${failure?.message ?? ''}`.trim();
    case 'failure':
      return `${where}: the directory sync failed${failure?.code ? ` (${failure.code})` : ''}. ${failure?.message ?? ''}`.trim();
  }
}

/**
 * Posts the webhook for each run that calls for one. Sending never blocks the service and never
 * stops it: a receiver that fails or hangs (5 s timeout) costs one warning in the log.
 */
export class WebhookNotifier {
  private lastSent: WebhookEvent | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: WebhookNotifierOptions) {}

  runFinished(result: RunResult, organizationId: string | null): void {
    const event = webhookEventFor(this.lastSent, result);
    if (event === null) {
      return;
    }
    this.lastSent = event;
    const body = webhookBody(event, result, this.options.service, organizationId);
    const sending = this.post(body).finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  /** Waits for the webhooks being sent (each ends within its timeout). */
  async drain(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async post(body: WebhookBody): Promise<void> {
    const send = this.options.fetch ?? fetch;
    const timeoutMs = this.options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
    try {
      const response = await send(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body?.cancel();
      if (!response.ok) {
        this.options.log.warn(
          { event: body.event, status: response.status },
          `The webhook receiver answered HTTP ${response.status} to the ${body.event} notification; it was not delivered. Check the receiver and the webhook URL (--webhook-url or BWDC_WEBHOOK_URL).`,
        );
        return;
      }
      this.options.log.debug({ event: body.event }, `Sent the ${body.event} webhook.`);
    } catch (error) {
      this.options.log.warn(
        { event: body.event, reason: reasonOf(error) },
        `The ${body.event} webhook could not be sent (${reasonOf(error)}). Check that the receiver is reachable from this host; bwdc serve keeps running.`,
      );
    }
  }
}

/** Why a fetch failed, without the URL: the name and the cause's code, not the message. */
function reasonOf(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return 'no answer within the timeout';
  }
  const cause = (
    error as {
      cause?: { code?: unknown; message?: unknown; errors?: { code?: unknown }[] };
    } | null
  )?.cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  if (typeof code === 'string') {
    return code;
  }
  // Undici's own causes ("bad port"...) name no URL; the service log scrubs the URL regardless.
  if (typeof cause?.message === 'string' && cause.message !== '') {
    return cause.message;
  }
  return error instanceof Error ? error.name : 'unknown error';
}

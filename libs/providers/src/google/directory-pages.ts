import type { admin_directory_v1 } from '@googleapis/admin';

import { googleFailure } from './google-failure';
import { type RetryPolicy, withRetry } from './retry';

/** What every list call needs: where to read, how to retry, and when to stop. */
export interface PageContext {
  readonly directory: admin_directory_v1.Admin;
  readonly domain: string;
  readonly customer: string | null;
  readonly retry: RetryPolicy;
  readonly signal?: AbortSignal | undefined;
  readonly onRetry?: ((call: string, status: number | null, waitMs: number) => void) | undefined;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextPageToken: string | null | undefined;
}

/**
 * Reads every page of a list call, handing each page's items on as it arrives. A page that still
 * fails after retrying fails the whole read: the directory is never returned in part.
 */
export async function readAllPages<T>(
  context: PageContext,
  call: string,
  fetchPage: (pageToken: string | undefined) => Promise<Page<T>>,
  onPage: (items: readonly T[]) => void,
): Promise<void> {
  let pageToken: string | undefined;
  do {
    const token = pageToken;
    const page = await withRetry(
      () => fetchPage(token),
      context.retry,
      context.signal,
      (failure, waitMs) => context.onRetry?.(call, failure.status, waitMs),
    ).catch((error: unknown) => {
      throw googleFailure(error, { domain: context.domain, call });
    });
    onPage(page.items);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
}

/** The SDK options of every call: our own retry (gaxios's ignores Retry-After), and the signal. */
export function callOptions(context: PageContext): { retry: false; signal?: AbortSignal } {
  return { retry: false, ...(context.signal ? { signal: context.signal } : {}) };
}

/** `domain` always and `customer` when set, as upstream sends them on every call. */
export function scopeParams(context: PageContext): { domain: string; customer?: string } {
  return { domain: context.domain, ...(context.customer ? { customer: context.customer } : {}) };
}

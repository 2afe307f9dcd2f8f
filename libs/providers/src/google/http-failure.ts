/** What an SDK failure says, read defensively off a GaxiosError (or anything else thrown). */
export interface HttpFailure {
  /** The HTTP status, or null when no answer came (network, TLS). */
  readonly status: number | null;
  /** Google's error reason (`rateLimitExceeded`) or OAuth error (`invalid_grant`). */
  readonly reason: string | null;
  /** Google's own message, or the network error's. */
  readonly detail: string;
  /** The socket or TLS error code (`ECONNREFUSED`, `UNABLE_TO_VERIFY_LEAF_SIGNATURE`). */
  readonly errno: string | null;
  /** `Retry-After`, in milliseconds, when the answer carried one. */
  readonly retryAfterMs: number | null;
}

export function readHttpFailure(error: unknown): HttpFailure {
  const shape = (error ?? {}) as {
    status?: unknown;
    code?: unknown;
    message?: unknown;
    cause?: { code?: unknown; message?: unknown };
    response?: { status?: unknown; headers?: unknown; data?: unknown };
  };
  const status = numberOr(shape.response?.status) ?? numberOr(shape.status);
  const data = (shape.response?.data ?? {}) as {
    error?: unknown;
    error_description?: unknown;
  };
  const apiError =
    typeof data.error === 'object' && data.error !== null
      ? (data.error as { message?: unknown; errors?: { reason?: unknown }[] })
      : null;
  const reason = apiError ? textOr(apiError.errors?.[0]?.reason) : textOr(data.error);
  const detail =
    textOr(apiError?.message) ??
    textOr(data.error_description) ??
    textOr(shape.cause?.message) ??
    textOr(shape.message) ??
    String(error);
  const errno =
    textOr(shape.cause?.code) ??
    (typeof shape.code === 'string' && !/^\d+$/.test(shape.code) ? shape.code : null);
  return { status, reason, detail, errno, retryAfterMs: retryAfter(shape.response?.headers) };
}

function retryAfter(headers: unknown): number | null {
  const value =
    headers instanceof Headers
      ? headers.get('retry-after')
      : textOr((headers as Record<string, unknown> | undefined)?.['retry-after']);
  if (!value) {
    return null;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function numberOr(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function textOr(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

import type { IncomingHttpHeaders } from 'node:http';

export interface RecordedRequest {
  method: string;
  /** Path and query string as sent. */
  path: string;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Bytes of body the server read (a request cut off at the body limit stops counting there). */
  bodySize: number;
  /** The body as UTF-8 text, so tests can assert on what a client sent. */
  body: string;
  /** 0 when the server dropped the connection without answering. */
  status: number;
}

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      flat[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return flat;
}

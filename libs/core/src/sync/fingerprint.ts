import { createHash } from 'node:crypto';

import type { ImportRequest } from '../model/import-request';
import type { SyncDestination } from '../model/sync-destination';
import { writeImportRequestJson } from './import-request-json';

/**
 * base64(SHA-256(apiUrl + organizationId + JSON)), as upstream computes it: the JSON of the single
 * request, or of the array of requests when the import is batched. The JSON is streamed into the
 * hash piece by piece.
 */
export function fingerprintRequests(
  requests: readonly ImportRequest[],
  destination: SyncDestination,
): string {
  const fingerprint = new ImportFingerprint(destination, requests.length);
  for (const request of requests) {
    fingerprint.startRequest();
    writeImportRequestJson(request, fingerprint.writeText);
  }
  return fingerprint.digest();
}

/**
 * The same fingerprint, fed the requests' JSON in order, as text or as the UTF-8 bytes a sync
 * posts: hashing the bodies while they are sent spares serialising the import twice.
 */
export class ImportFingerprint {
  private readonly hash = createHash('sha256');
  private started = 0;
  /** Writes text as UTF-8 into the hash. */
  readonly writeText: (text: string) => void;

  constructor(
    destination: SyncDestination,
    private readonly requestCount: number,
  ) {
    this.writeText = utf8Writer((bytes) => this.hash.update(bytes));
    this.writeText(destination.apiUrl);
    this.writeText(destination.organizationId);
    this.writeText(this.batched ? '[' : '');
  }

  /** Before each request's JSON. */
  startRequest(): void {
    this.writeText(this.started === 0 ? '' : ',');
    this.started += 1;
  }

  /** A whole request's JSON, already UTF-8, in pieces. */
  addRequestBody(pieces: readonly Uint8Array[]): void {
    this.startRequest();
    for (const piece of pieces) {
      this.hash.update(piece);
    }
  }

  digest(): string {
    if (this.started !== this.requestCount) {
      throw new Error(`fingerprint of ${this.started} of ${this.requestCount} requests`);
    }
    this.writeText(this.batched ? ']' : '');
    return this.hash.digest('base64');
  }

  private get batched(): boolean {
    return this.requestCount !== 1;
  }
}

const ENCODE_BUFFER_BYTES = 1 << 20;

/**
 * Encodes strings to UTF-8 through one reusable buffer: several times faster for large strings
 * than handing them to `hash.update` one by one, and `encodeInto` never splits a surrogate pair.
 */
function utf8Writer(consume: (bytes: Uint8Array) => void): (chunk: string) => void {
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(ENCODE_BUFFER_BYTES);
  return (chunk) => {
    let rest = chunk;
    while (rest.length > 0) {
      const { read, written } = encoder.encodeInto(rest, buffer);
      consume(buffer.subarray(0, written));
      rest = rest.slice(read);
    }
  };
}

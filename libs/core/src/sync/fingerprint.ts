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
  const hash = createHash('sha256');
  const write = utf8Writer((bytes) => hash.update(bytes));
  write(destination.apiUrl);
  write(destination.organizationId);
  if (requests.length === 1) {
    writeImportRequestJson(requests[0] as ImportRequest, write);
  } else {
    write('[');
    requests.forEach((request, index) => {
      write(index === 0 ? '' : ',');
      writeImportRequestJson(request, write);
    });
    write(']');
  }
  return hash.digest('base64');
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

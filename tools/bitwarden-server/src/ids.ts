import { randomFillSync } from 'node:crypto';

/** UUIDs generated per refill; each refill is one `randomFillSync` and one string decode. */
const BATCH = 256;
const UUID_LENGTH = 36;
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
const DASH = 0x2d;

const entropy = Buffer.alloc(16 * BATCH);
const text = Buffer.alloc(UUID_LENGTH * BATCH);
let batch = '';
let next = BATCH;

function refill(): void {
  randomFillSync(entropy);
  let offset = 0;
  for (let uuid = 0; uuid < BATCH; uuid++) {
    for (let index = 0; index < 16; index++) {
      let byte = entropy[uuid * 16 + index] ?? 0;
      if (index === 6) {
        byte = (byte & 0x0f) | 0x40; // version 4
      } else if (index === 8) {
        byte = (byte & 0x3f) | 0x80; // RFC 4122 variant
      }
      if (index === 4 || index === 6 || index === 8 || index === 10) {
        text[offset++] = DASH;
      }
      text[offset++] = HEX_DIGITS[byte >> 4] ?? 0;
      text[offset++] = HEX_DIGITS[byte & 0x0f] ?? 0;
    }
  }
  batch = text.toString('latin1');
  next = 0;
}

/**
 * A random (version 4) UUID in lower case, like `crypto.randomUUID()`. Importing 100,000 members
 * creates as many ids, and `randomUUID()` builds each one as a chain of small string pieces that
 * is costly to keep; slicing a batch decoded in one go is several times cheaper.
 */
export function newId(): string {
  if (next === BATCH) {
    refill();
  }
  const start = next * UUID_LENGTH;
  next++;
  return batch.slice(start, start + UUID_LENGTH);
}

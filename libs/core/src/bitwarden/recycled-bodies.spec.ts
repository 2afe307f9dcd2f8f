import type { ImportRequest } from '../model/import-request';
import { RecycledBodies } from './recycled-bodies';

function request(names: string[]): ImportRequest {
  return {
    groups: names.map((name, index) => ({
      name,
      externalId: `g${index}`,
      memberExternalIds: [`u${index}`, `${name}-member`],
    })),
    members: names.map((name, index) => ({
      email: `${name.toLowerCase()}@example.com`,
      externalId: `u${index}`,
      deleted: false,
    })),
    overwriteExisting: false,
    largeImport: true,
    inviteUsersAfterProvisioning: true,
  };
}

// Two- and three-byte characters and surrogate pairs, so that pieces of 64 bytes have to end
// before a character that does not fit.
const NAMES = Array.from({ length: 40 }, (_, index) => `Équipe-${index}-✓-😀-"quoted"`);

describe('RecycledBodies', () => {
  it('writes the request as JSON, in pieces that never split a character', () => {
    const bodies = new RecycledBodies(64);

    const pieces = bodies.build(request(NAMES));

    expect(Buffer.concat(pieces).toString('utf8')).toBe(JSON.stringify(request(NAMES)));
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(64);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(piece)).toBeTruthy();
    }
  });

  it('writes the next body into the buffers of one given back, and only then', () => {
    const bodies = new RecycledBodies(64);
    const first = bodies.build(request(NAMES.slice(0, 10)));
    const firstBuffers = new Set(first.map((piece) => piece.buffer));

    const whileFirstIsInUse = bodies.build(request(NAMES.slice(10, 20)));
    bodies.recycle(first);
    const afterFirstCameBack = bodies.build(request(NAMES.slice(20, 30)));

    expect(whileFirstIsInUse.some((piece) => firstBuffers.has(piece.buffer))).toBe(false);
    expect(afterFirstCameBack.some((piece) => firstBuffers.has(piece.buffer))).toBe(true);
    expect(Buffer.concat(whileFirstIsInUse).toString('utf8')).toBe(
      JSON.stringify(request(NAMES.slice(10, 20))),
    );
    expect(Buffer.concat(afterFirstCameBack).toString('utf8')).toBe(
      JSON.stringify(request(NAMES.slice(20, 30))),
    );
  });
});

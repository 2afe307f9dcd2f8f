import { isAccountDisabled, objectGuidToString, sidRelativeId } from './active-directory';

describe('objectGuidToString', () => {
  it('formats a GUID as AD and upstream do, the first three groups byte-reversed', () => {
    const bytes = Uint8Array.from([
      0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee,
      0xff,
    ]);

    expect(objectGuidToString(bytes)).toBe('00112233-4455-6677-8899-aabbccddeeff');
  });

  it('refuses a value that is not 16 bytes', () => {
    expect(() => objectGuidToString(new Uint8Array(15))).toThrow('16 bytes');
  });
});

describe('isAccountDisabled', () => {
  it.each([
    [512, false],
    [514, true],
    ['66050', true],
    ['66048', false],
    [undefined, false],
    ['not a number', false],
  ])('userAccountControl %j -> disabled %s', (flags, expected) => {
    expect(isAccountDisabled(flags)).toBe(expected);
  });
});

describe('sidRelativeId', () => {
  it('reads the last sub-authority of a domain SID, little-endian', () => {
    // S-1-5-21-3502873448-2435850332-3926052449-1111, as Samba returns it.
    const sid = Buffer.from('AQUAAAAAAAUVAAAAaFvJ0FwgMJFhzgHqVwQAAA==', 'base64');

    expect(sidRelativeId(sid)).toBe(1111);
  });

  it('reads a built-in SID with two sub-authorities', () => {
    // S-1-5-32-544 (BUILTIN\Administrators).
    const sid = Uint8Array.from([1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 0x02, 0, 0]);

    expect(sidRelativeId(sid)).toBe(544);
  });

  it('refuses a truncated SID', () => {
    expect(() => sidRelativeId(Uint8Array.from([1, 5, 0, 0, 0, 0, 0, 5, 21, 0]))).toThrow(
      'malformed',
    );
  });
});

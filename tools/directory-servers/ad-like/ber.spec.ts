import { BerError, decode, encode, integer, octetString, sequence, takeMessage } from './ber';

const message = (text: string): Buffer => encode(sequence([integer(1), octetString(text)]));

describe('takeMessage', () => {
  it('waits for the rest of a message split across reads', () => {
    const whole = message('hello');
    expect(takeMessage(whole.subarray(0, 1))).toBeUndefined();
    expect(takeMessage(whole.subarray(0, whole.length - 1))).toBeUndefined();
    expect(takeMessage(whole)).toEqual({ message: whole, rest: Buffer.alloc(0) });
  });

  it('splits two messages that arrived in one read', () => {
    const first = message('a');
    const second = message('b');
    const taken = takeMessage(Buffer.concat([first, second]));
    expect(taken?.message).toEqual(first);
    expect(taken?.rest).toEqual(second);
  });

  it('reads long-form lengths, up to the four-byte form', () => {
    const long = message('x'.repeat(300));
    expect(long[1]).toBe(0x82);
    expect(takeMessage(long)?.message).toEqual(long);
    const fourBytes = Buffer.from([0x30, 0x84, 0, 0, 0, 3, 0x02, 0x01, 0x07]);
    expect(takeMessage(fourBytes)?.message).toEqual(fourBytes);
    expect(decode(fourBytes).children[0]?.bytes).toEqual(Buffer.from([7]));
  });

  it('rejects what cannot start an LDAPMessage', () => {
    expect(() => takeMessage(Buffer.from('GET / HTTP/1.1\r\n'))).toThrow(BerError);
  });
});

describe('decode', () => {
  it('rejects truncated or trailing bytes', () => {
    const whole = message('hello');
    expect(() => decode(whole.subarray(0, whole.length - 1))).toThrow(BerError);
    expect(() => decode(Buffer.concat([whole, Buffer.from([0])]))).toThrow(BerError);
  });
});

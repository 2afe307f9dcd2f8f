import type { Filter as LdaptsFilter } from 'ldapts';
import { BerWriter, EqualityFilter, FilterParser } from 'ldapts';

import { decode } from './ber';
import type { Filter } from './filter';
import { decodeFilter, escapeFilterValue, filterToString } from './filter';

/** The filter as ldapts (the connector's client) puts it on the wire, read back by the server. */
function received(filter: LdaptsFilter | string): Filter {
  const writer = new BerWriter();
  (typeof filter === 'string' ? FilterParser.parseString(filter) : filter).write(writer);
  return decodeFilter(decode(writer.buffer));
}

describe('decodeFilter and filterToString', () => {
  it.each([
    '(objectClass=*)',
    '(&(objectCategory=person)(objectClass=user))',
    '(|(cn=a*)(cn=*b)(cn=a*b*c)(cn=*mid*))',
    '(!(isCriticalSystemObject=TRUE))',
    '(uSNChanged>=12345)',
    '(whenChanged<=20240101000000.0Z)',
    '(cn~=smith)',
    '(userAccountControl:1.2.840.113556.1.4.803:=2)',
    '(memberOf:1.2.840.113556.1.4.1941:=CN=All,OU=Groups,DC=ad,DC=example,DC=org)',
  ])('reads %s as sent and writes it back in RFC 4515 form', (text) => {
    expect(filterToString(received(text))).toBe(text);
  });

  it('keeps the attribute name as the client spelled it', () => {
    expect(received('(sAMAccountName=jdoe)')).toEqual({
      type: 'equality',
      attribute: 'sAMAccountName',
      value: Buffer.from('jdoe'),
    });
  });

  it('keeps a binary assertion value as bytes and writes it as \\xx escapes', () => {
    const guid = Buffer.from('a5000102030405060708090a0b0c0d0e', 'hex');
    const filter = received(new EqualityFilter({ attribute: 'objectGUID', value: guid }));
    expect(filter).toEqual({ type: 'equality', attribute: 'objectGUID', value: guid });
    expect(filterToString(filter)).toBe(
      '(objectGUID=\\a5\\00\\01\\02\\03\\04\\05\\06\\07\\08\\09\\0a\\0b\\0c\\0d\\0e)',
    );
  });
});

describe('escapeFilterValue', () => {
  it('escapes the characters RFC 4515 reserves', () => {
    expect(escapeFilterValue(Buffer.from('a*b(c)d\\e\u0000'))).toBe('a\\2ab\\28c\\29d\\5ce\\00');
  });

  it('leaves non-ASCII text readable', () => {
    expect(escapeFilterValue(Buffer.from('Zoë Łukasz'))).toBe('Zoë Łukasz');
  });
});

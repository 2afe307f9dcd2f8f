import { LdifSyntaxError, parseLdif } from './ldif-parser';

const texts = (values: readonly Buffer[] | undefined) => values?.map((value) => value.toString());

describe('parseLdif', () => {
  it('reads entries, repeated attributes and the line of each dn', () => {
    const entries = parseLdif(
      'version: 1\n\ndn: cn=a,dc=x\nobjectClass: top\nobjectClass: person\n\n\ndn: cn=b,dc=x\ncn: b\n',
    );

    expect(entries.map((entry) => [entry.dn, entry.line])).toEqual([
      ['cn=a,dc=x', 3],
      ['cn=b,dc=x', 8],
    ]);
    expect(texts(entries[0]?.attributes.get('objectclass'))).toEqual(['top', 'person']);
  });

  it('decodes base64 values and the dn, joins folded lines and skips folded comments', () => {
    const [entry] = parseLdif(
      [
        'dn:: Y249SsO8cmdlbg==',
        '# a comment that is',
        ' folded',
        'mail:: anVlcmdlbkBleGFt',
        ' cGxlLmNvbQ==',
        'description: one',
        '  two',
      ].join('\r\n'),
    );

    expect(entry?.dn).toBe('cn=Jürgen');
    expect(texts(entry?.attributes.get('mail'))).toEqual(['juergen@example.com']);
    expect(texts(entry?.attributes.get('description'))).toEqual(['one two']);
  });

  it('keeps binary values as bytes and drops attribute options', () => {
    const [entry] = parseLdif('dn: cn=a\nobjectGUID:: AAECAwQFBgcICQoLDA0ODw==\ncn;lang-de: A\n');

    expect(entry?.attributes.get('objectguid')?.[0]).toHaveLength(16);
    expect(texts(entry?.attributes.get('cn'))).toEqual(['A']);
  });

  it('takes changetype: add as an entry', () => {
    const [entry] = parseLdif('dn: cn=a\nchangetype: add\ncn: a\n');

    expect([...(entry?.attributes.keys() ?? [])]).toEqual(['cn']);
  });

  it.each([
    ['an entry without a dn', 'dn: cn=a\n\ncn: b\nmail: b@x\n', 3, /must start with "dn:"/],
    ['a change record', 'dn: cn=a\nchangetype: modify\n', 2, /not an export/],
    ['a value read from a URL', 'dn: cn=a\njpegPhoto:< file:///etc/passwd\n', 2, /URL/],
    ['broken base64', 'dn: cn=a\nmail:: not base64!\n', 2, /base64/],
    ['a line that is no attribute', 'dn: cn=a\njust text\n', 2, /attribute: value/],
    ['a continuation with nothing before it', ' folded\ndn: cn=a\n', 1, /follows no line/],
    ['another version', 'version: 2\ndn: cn=a\n', 1, /version/],
  ])('refuses %s, naming the line', (_case, text, line, message) => {
    const parse = () => parseLdif(text);

    expect(parse).toThrow(LdifSyntaxError);
    expect(parse).toThrow(
      expect.objectContaining({ line, message: expect.stringMatching(message) }),
    );
  });

  it('reads an empty file as no entries', () => {
    expect(parseLdif('# nothing exported\n\n')).toEqual([]);
  });
});

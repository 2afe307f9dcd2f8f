import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { buildSeedLdif, dnKey } from './seed-ldif';

const suffix = 'dc=bitwarden,dc=com';
const reader = { dn: `cn=reader,${suffix}`, password: 'pw' };
const fixture = (name: string): { name: string; text: string } => ({
  name,
  text: readFileSync(path.join(__dirname, 'fixtures', name), 'utf8'),
});
const dns = (ldif: string): string[] =>
  ldif
    .split('\n')
    .filter((line) => line.startsWith('dn: '))
    .map((line) => dnKey(line.slice(4)));

describe('buildSeedLdif', () => {
  it('adds the suffix entry when no seed brings one, then the reader', () => {
    const ldif = buildSeedLdif({ suffix, reader, sources: [] });
    expect(dns(ldif)).toEqual([suffix, reader.dn]);
    expect(ldif).toMatch(/userPassword: \{SSHA\}/);
  });

  it('keeps one root entry and one copy of shared entries across upstream fixtures', () => {
    const ldif = buildSeedLdif({
      suffix,
      reader,
      sources: [fixture('directory-20.ldif'), fixture('directory-circular-groups.ldif')],
    });
    const all = dns(ldif);
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((dn) => dn === suffix)).toHaveLength(1);
    expect(ldif).not.toMatch(/^(version|changetype):/im);
  });

  it('orders parents before children', () => {
    const ldif = buildSeedLdif({
      suffix,
      reader,
      sources: [
        {
          name: 'inline',
          text: 'dn: cn=a,ou=x,dc=bitwarden,dc=com\nobjectClass: person\ncn: a\nsn: a\n\ndn: ou=x,dc=bitwarden,dc=com\nobjectClass: organizationalUnit\nou: x\n',
        },
      ],
    });
    expect(dns(ldif)).toEqual([
      suffix,
      reader.dn,
      'ou=x,dc=bitwarden,dc=com',
      'cn=a,ou=x,' + suffix,
    ]);
  });

  it('writes memberOf for groupOfNames members, as slapadd bypasses the overlay', () => {
    const ldif = buildSeedLdif({
      suffix,
      reader,
      sources: [fixture('directory-circular-groups.ldif')],
    });
    const testNestB = ldif.split('\n\n').find((record) => record.startsWith('dn: cn=TestNestB,'));
    expect(testNestB).toContain('memberOf: cn=TestNestA,dc=bitwarden,dc=com');
  });

  it('refuses change records other than add', () => {
    expect(() =>
      buildSeedLdif({
        suffix,
        reader,
        sources: [{ name: 'mod.ldif', text: 'dn: cn=a,dc=bitwarden,dc=com\nchangetype: modify\n' }],
      }),
    ).toThrow(/mod\.ldif: cn=a,dc=bitwarden,dc=com: changetype modify is not supported/);
  });
});

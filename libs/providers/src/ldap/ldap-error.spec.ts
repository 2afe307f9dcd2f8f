import {
  AdminLimitExceededError,
  InvalidCredentialsError,
  NoSuchObjectError,
  SizeLimitExceededError,
  StrongAuthRequiredError,
  TimeLimitExceededError,
} from 'ldapts';

import { LdapError, ldapFailure } from './ldap-error';

const context = {
  url: 'ldaps://dc1.example.com:636',
  filter: '(cn=x)',
  base: 'OU=Sync,DC=example',
};

function socketError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

describe('ldapFailure', () => {
  it.each<[string, unknown, string, string]>([
    [
      'a wrong password',
      new InvalidCredentialsError('80090308: data 52e'),
      'LDAP_BIND_FAILED',
      'rejected the bind user or password',
    ],
    [
      'a plain bind AD refuses',
      new StrongAuthRequiredError('BindSimple: Transport encryption required.'),
      'LDAP_BIND_FAILED',
      'unencrypted connection',
    ],
    [
      'an untrusted certificate',
      socketError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'),
      'LDAP_TLS_FAILED',
      'self-signed certificate in certificate chain',
    ],
    [
      'a name the certificate does not cover',
      socketError(
        'ERR_TLS_CERT_ALTNAME_INVALID',
        "Hostname/IP does not match certificate's altnames",
      ),
      'LDAP_TLS_FAILED',
      "does not match certificate's altnames",
    ],
    [
      'a refused connection',
      socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:636'),
      'LDAP_UNREACHABLE',
      'Cannot reach the LDAP server at ldaps://dc1.example.com:636',
    ],
    [
      'an unknown host',
      socketError('ENOTFOUND', 'getaddrinfo ENOTFOUND dc1'),
      'LDAP_UNREACHABLE',
      'ENOTFOUND',
    ],
    [
      'a size limit',
      new SizeLimitExceededError('size limit'),
      'LDAP_LIMIT_EXCEEDED',
      'under OU=Sync,DC=example at its limit (SizeLimitExceededError)',
    ],
    [
      'a time limit',
      new TimeLimitExceededError('time limit'),
      'LDAP_LIMIT_EXCEEDED',
      'TimeLimitExceededError',
    ],
    [
      'an administrative limit',
      new AdminLimitExceededError('admin limit'),
      'LDAP_LIMIT_EXCEEDED',
      'AdminLimitExceededError',
    ],
    [
      'a missing search base',
      new NoSuchObjectError('0000208D: NameErr'),
      'LDAP_READ_FAILED',
      'NoSuchObjectError',
    ],
  ])('names %s, the side and what to do', (_what, error, code, text) => {
    const failure = ldapFailure(error, context);

    expect(failure).toBeInstanceOf(LdapError);
    expect(failure).toMatchObject({ code, side: 'directory' });
    expect(failure.message).toContain(text);
    expect(failure.remedy.length).toBeGreaterThan(20);
    expect(failure.cause).toBe(error);
  });

  it('passes an LdapError through unchanged', () => {
    const error = new LdapError('LDAP_SETTINGS_INCOMPLETE', 'no password', 'set it');

    expect(ldapFailure(error, context)).toBe(error);
  });
});

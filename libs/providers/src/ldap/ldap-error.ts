import { SyncError } from '@bwdc/core';

export type LdapErrorCode =
  | 'LDAP_SETTINGS_INCOMPLETE'
  | 'LDAP_UNREACHABLE'
  | 'LDAP_TLS_FAILED'
  | 'LDAP_BIND_FAILED'
  | 'LDAP_INVALID_FILTER'
  | 'LDAP_LIMIT_EXCEEDED'
  | 'LDAP_READ_FAILED';

/** Reading the LDAP directory failed; nothing read so far is used. Never carries the password. */
export class LdapError extends SyncError {
  readonly side = 'directory';

  constructor(
    readonly code: LdapErrorCode,
    message: string,
    remedy: string,
    options?: ErrorOptions,
  ) {
    super(message, remedy, options);
  }
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_SSL|EPROTO|ERR_TLS/;

/** Translates what ldapts or the socket threw into an LdapError that says what to do. */
export function ldapFailure(
  error: unknown,
  context: { url: string; filter?: string; base?: string },
): LdapError {
  if (error instanceof LdapError) {
    return error;
  }
  const name = error instanceof Error ? error.name : '';
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'InvalidCredentialsError') {
    return new LdapError(
      'LDAP_BIND_FAILED',
      `The LDAP server at ${context.url} rejected the bind user or password.`,
      'Check the bind user (a full DN for OpenLDAP; DOMAIN\\user or a UPN for Active Directory) and its password (bwdc config ldap.password).',
      { cause: error },
    );
  }
  if (name === 'StrongAuthRequiredError' || name === 'ConfidentialityRequiredError') {
    return new LdapError(
      'LDAP_BIND_FAILED',
      `The LDAP server at ${context.url} refuses a bind over an unencrypted connection.`,
      'Turn on StartTLS (ldap.startTls, port 389) or LDAPS (ldap.ssl, port 636); Active Directory requires one of them for simple binds.',
      { cause: error },
    );
  }
  if (TLS_CODES.test(code) || TLS_CODES.test(message)) {
    return new LdapError(
      'LDAP_TLS_FAILED',
      `The TLS connection to ${context.url} failed: ${message}.`,
      'Give the CA certificate that signed the server’s certificate (ldap.sslCaPath for LDAPS, ldap.tlsCaPath for StartTLS), check the host name matches the certificate, or, for testing only, allow untrusted certificates.',
      { cause: error },
    );
  }
  if (
    ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET'].includes(code) ||
    (/timeout/i.test(message) && name !== 'TimeLimitExceededError')
  ) {
    return new LdapError(
      'LDAP_UNREACHABLE',
      `Cannot reach the LDAP server at ${context.url} (${code || message}).`,
      'Check the host name and port (389 for LDAP and StartTLS, 636 for LDAPS) and that this machine can reach the server.',
      { cause: error },
    );
  }
  if (name === 'FilterParserError' || /filter/i.test(name)) {
    return new LdapError(
      'LDAP_INVALID_FILTER',
      `The LDAP filter ${context.filter ?? ''} is not valid: ${message}.`,
      'Fix the user or group filter (for example (memberOf=cn=Staff,ou=Groups,dc=example,dc=com)).',
      { cause: error },
    );
  }
  if (
    name === 'SizeLimitExceededError' ||
    name === 'TimeLimitExceededError' ||
    name === 'AdminLimitExceededError'
  ) {
    return new LdapError(
      'LDAP_LIMIT_EXCEEDED',
      `The LDAP server stopped the search under ${context.base ?? ''} at its limit (${name}).`,
      'Narrow the search with the user or group path and filter, or raise the server’s limit for the bind user.',
      { cause: error },
    );
  }
  return new LdapError(
    'LDAP_READ_FAILED',
    `Reading the LDAP directory at ${context.url} failed: ${name ? `${name}: ` : ''}${message}.`,
    'Check the root path, user and group paths and filters; the server’s log may say more.',
    { cause: error },
  );
}

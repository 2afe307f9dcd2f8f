/** LDAP result codes (RFC 4511 appendix A) that the AD-like server answers with. */
export const ResultCode = {
  success: 0,
  operationsError: 1,
  protocolError: 2,
  sizeLimitExceeded: 4,
  authMethodNotSupported: 7,
  unavailableCriticalExtension: 12,
  noSuchObject: 32,
  invalidCredentials: 49,
  unwillingToPerform: 53,
} as const;

export type ResultCodeValue = (typeof ResultCode)[keyof typeof ResultCode];

/**
 * AD's diagnostic messages, copied from answers of Windows Server DCs (the `v2580` build tag).
 * AD ends each with a NUL character, which clients such as ldapjs and ldapts pass on as
 * `\u0000`; a client that shows or matches these messages has to cope with it. The DSID part
 * differs between Windows builds: match on the leading code and the `data` field only.
 */
export const AdMessage = {
  /** Simple bind with an unknown name or a wrong password: `data 52e` for both. */
  invalidCredentials:
    '80090308: LdapErr: DSID-0C09042A, comment: AcceptSecurityContext error, data 52e, v2580\u0000',
  /** Any operation but a rootDSE read on a connection that has not bound with a password. */
  bindRequired:
    '000004DC: LdapErr: DSID-0C0907E9, comment: In order to perform this operation a ' +
    'successful bind must be completed on the connection., data 0, v2580\u0000',
} as const;

/** noSuchObject for a search base that does not exist, naming the nearest existing parent. */
export function noSuchObjectMessage(bestMatch: string): string {
  return (
    '0000208D: NameErr: DSID-0310028D, problem 2001 (NO_OBJECT), data 0, best match of:\n' +
    `\t'${bestMatch}'\n\u0000`
  );
}

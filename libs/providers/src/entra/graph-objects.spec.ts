import { emailOf, mapUser } from './graph-objects';

describe('emailOf', () => {
  it('is mail, lower-cased, unless mail is empty or an onmicrosoft.com address: then the UPN', () => {
    expect(emailOf({ id: '1', mail: ' Ann@Contoso.com ', userPrincipalName: 'ann@x.test' })).toBe(
      'ann@contoso.com',
    );
    expect(emailOf({ id: '1', mail: null, userPrincipalName: 'Bob@contoso.com' })).toBe(
      'bob@contoso.com',
    );
    expect(emailOf({ id: '1', mail: '', userPrincipalName: 'bob@contoso.com' })).toBe(
      'bob@contoso.com',
    );
    expect(
      emailOf({ id: '1', mail: 'cy@contoso.onmicrosoft.com', userPrincipalName: 'cy@contoso.com' }),
    ).toBe('cy@contoso.com');
    expect(emailOf({ id: '1', mail: null, userPrincipalName: null })).toBeNull();
  });
});

describe('mapUser', () => {
  it('maps the object id to both ids and accountEnabled false to disabled', () => {
    expect(mapUser({ id: 'id-1', mail: 'a@x.test', accountEnabled: false })).toEqual({
      user: {
        externalId: 'id-1',
        referenceId: 'id-1',
        email: 'a@x.test',
        disabled: true,
        deleted: false,
      },
    });
  });

  it('skips guests (#EXT# UPNs) and active users without an email, saying why', () => {
    expect(
      mapUser({
        id: 'g',
        mail: null,
        userPrincipalName: 'p_x.test#EXT#@t.onmicrosoft.com',
        accountEnabled: false,
      }),
    ).toEqual({ skipped: 'guest' });
    expect(mapUser({ id: 'n', mail: null, userPrincipalName: null })).toEqual({
      skipped: 'no-email',
    });
    expect(mapUser({ id: 'd', mail: null, accountEnabled: false }).user?.email).toBeNull();
  });
});

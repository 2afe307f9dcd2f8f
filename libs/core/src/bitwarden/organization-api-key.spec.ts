import { organizationIdOf } from './organization-api-key';

describe('organizationIdOf', () => {
  it('takes the organization id from the client id', () => {
    expect(organizationIdOf('organization.0B9D9C5F-1C1E-4C1D-9E0A-2B3C4D5E6F70')).toBe(
      '0b9d9c5f-1c1e-4c1d-9e0a-2b3c4d5e6f70',
    );
  });

  it.each(['user.0b9d9c5f-1c1e-4c1d-9e0a-2b3c4d5e6f70', 'organization.', 'organization.bad', ''])(
    'refuses %j with a message that says what a valid one looks like',
    (clientId) => {
      expect(() => organizationIdOf(clientId)).toThrow('organization.<organization id>');
    },
  );
});

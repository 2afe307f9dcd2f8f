import { organizationIdOf } from '@bwdc/core';
import fc from 'fast-check';

import { CLIENT_ID } from '../testing/fake-connector';
import { clientIdProblem } from './client-id';

/** What libs/core says of a client id: accepted or not. */
function coreAccepts(clientId: string): boolean {
  try {
    organizationIdOf(clientId);
    return true;
  } catch {
    return false;
  }
}

describe('clientIdProblem', () => {
  it.each([
    ['', 'required'],
    [' \t', 'required'],
    ['user.3fa85f64-5717-4562-b3fc-2c963f66afa6', 'notOrganization'],
    ['organization', 'malformed'],
    ['organization.', 'malformed'],
    ['organization.3fa85f64-5717-4562-b3fc-2c963f66afa6x', 'malformed'],
    ['organization 3fa85f64-5717-4562-b3fc-2c963f66afa6', 'malformed'],
    [CLIENT_ID, null],
    [` ${CLIENT_ID.toUpperCase()} `, null],
  ])('%j: %s', (clientId, problem) => {
    expect(clientIdProblem(clientId)).toBe(problem);
  });

  // The renderer keeps a copy of the core's rule; this holds the two together.
  it('accepts exactly the client ids that libs/core accepts', () => {
    const clientIds = fc.oneof(
      fc.uuid().map((id) => `organization.${id}`),
      fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] }).map((id) => `organization.${id}`),
      fc.string().map((text) => `organization.${text}`),
      fc.string(),
    );
    fc.assert(
      fc.property(clientIds, (clientId) => {
        expect(clientIdProblem(clientId) === null).toBe(coreAccepts(clientId));
      }),
    );
  });
});

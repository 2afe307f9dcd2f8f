import type { AbstractControl, ValidationErrors } from '@angular/forms';

/**
 * An organization API key's client id: `organization.<GUID v1-5>`. The same rule as
 * `organizationIdOf` in libs/core/src/bitwarden/organization-api-key.ts, copied because
 * @bwdc/core's entry also loads the Node-only Bitwarden client; client-id.spec.ts holds both
 * to the same answers.
 */
export const ORGANIZATION_CLIENT_ID =
  /^organization\.[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** What is wrong with a client id, the way upstream told it apart; null when it is fine. */
export type ClientIdProblem = 'required' | 'notOrganization' | 'malformed';

export function clientIdProblem(value: string): ClientIdProblem | null {
  const clientId = value.trim();
  if (clientId === '') {
    return 'required';
  }
  if (!clientId.toLowerCase().startsWith('organization')) {
    return 'notOrganization';
  }
  return ORGANIZATION_CLIENT_ID.test(clientId) ? null : 'malformed';
}

/** The reactive-forms validator: `{ clientId: problem }`, or null. */
export function clientIdValidator(control: AbstractControl<string>): ValidationErrors | null {
  const problem = clientIdProblem(control.value ?? '');
  return problem === null ? null : { clientId: problem };
}

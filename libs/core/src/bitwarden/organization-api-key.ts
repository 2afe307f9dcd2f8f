import { BitwardenError } from './bitwarden-error';

/** The organization API key from the Admin Console (owners only). */
export interface OrganizationApiKey {
  /** `organization.<organization id>` */
  readonly clientId: string;
  readonly clientSecret: string;
}

const CLIENT_ID =
  /^organization\.([0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/i;

/** The organization id inside a client id, which upstream stores and hashes. */
export function organizationIdOf(clientId: string): string {
  const match = CLIENT_ID.exec(clientId.trim());
  if (!match?.[1]) {
    throw new BitwardenError(
      'INVALID_API_KEY',
      'The client id is not an organization API key: it must read organization.<organization id>.',
      "Copy the organization's API key from the Admin Console (Settings → Organization info → API key), not a personal one.",
    );
  }
  return match[1].toLowerCase();
}

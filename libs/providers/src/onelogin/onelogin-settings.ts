import { z } from 'zod';

export const ONELOGIN_REGIONS = ['us', 'eu'] as const;
export type OneLoginRegion = (typeof ONELOGIN_REGIONS)[number];

/**
 * OneLogin settings: upstream's `directoryOnelogin` under the same names (the client secret is
 * the secret `clientSecret`), plus how many roles' members are read at once.
 */
export const OneLoginDirectorySettingsSchema = z.object({
  /** The API credential's client id (Administration → Developers → API Credentials). */
  clientId: z.string().trim().min(1, 'the OneLogin API client id is required'),
  /** Where the account lives: `us` → api.us.onelogin.com, `eu` → api.eu.onelogin.com. */
  region: z.enum(ONELOGIN_REGIONS).default('us'),
  /**
   * Roles whose members are read in parallel (upstream read no members call at all: it scanned
   * each user's v1 `role_id`, which API v2 no longer lists). OneLogin's default rate limit is
   * 5,000 calls an hour, so a few at a time is plenty.
   */
  concurrency: z.number().int().min(1).max(16).default(4),
});

export type OneLoginDirectorySettings = z.infer<typeof OneLoginDirectorySettingsSchema>;

/** The API's origin for a region, as upstream builds it. */
export function oneLoginBaseUrl(region: OneLoginRegion): string {
  return `https://api.${region}.onelogin.com`;
}

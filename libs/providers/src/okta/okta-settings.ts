import { z } from 'zod';

/**
 * An org URL as the provider uses it: `https://` added when no scheme is given, the trailing
 * slashes dropped (upstream appended `/api/v1/…` to whatever was typed). Only `https://` is
 * accepted: the API token travels in every request.
 */
export function normaliseOrgUrl(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/**
 * Okta settings: upstream's `directoryOkta` fields under its names (`orgUrl`; the API token is
 * the secret `token`), plus how many groups' members are read at once.
 */
export const OktaDirectorySettingsSchema = z
  .object({
    /** `https://acme.okta.com` (an `acme.okta.com` gets its `https://`; a trailing `/` is dropped). */
    orgUrl: z
      .string({ error: 'the Okta org URL is required' })
      .trim()
      .min(1, 'the Okta org URL is required')
      .refine(
        (url) => isOrgUrl(normaliseOrgUrl(url)),
        'must be an https:// org URL such as https://acme.okta.com, without a path',
      ),
    /**
     * Group-member calls in flight at once (upstream: one, then a 500 ms sleep). The rate-limit
     * headers pace them further, so a low limit is waited out instead of answered with 429s.
     */
    concurrency: z.number().int().min(1).max(32).default(8),
  })
  .transform((settings) => ({ ...settings, orgUrl: normaliseOrgUrl(settings.orgUrl) }));

function isOrgUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.pathname === '/' && !parsed.search;
  } catch {
    return false;
  }
}

export type OktaDirectorySettings = z.infer<typeof OktaDirectorySettingsSchema>;

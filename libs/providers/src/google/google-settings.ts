import { z } from 'zod';

const requiredText = (what: string) => z.string().trim().min(1, `${what} is required`);

/**
 * Google Workspace settings: upstream's `directoryGsuite` under the same names (the private key
 * is the secret `privateKey`), plus how many groups' members are read at once.
 */
export const GoogleDirectorySettingsSchema = z.object({
  domain: requiredText('the Google Workspace domain'),
  /** The admin user the service account acts as (domain-wide delegation's `subject`). */
  adminUser: requiredText('the admin user'),
  /** The customer id (`C0…`); without it users and groups are read by `domain`. */
  customer: z.string().trim().nullable().default(null),
  clientEmail: requiredText('the service account’s client email'),
  /**
   * Groups whose members are read in parallel; upstream read them one after another. 16 keeps a
   * directory of up to a couple of thousand groups inside Google's per-minute quota in one go;
   * beyond it, the quota's 403s are waited out (retry.ts).
   */
  concurrency: z.number().int().min(1).max(32).default(16),
});

export type GoogleDirectorySettings = z.infer<typeof GoogleDirectorySettingsSchema>;

/** The read-only scopes the service account's domain-wide delegation must grant. */
export const GOOGLE_DIRECTORY_SCOPES = [
  'https://www.googleapis.com/auth/admin.directory.user.readonly',
  'https://www.googleapis.com/auth/admin.directory.group.readonly',
  'https://www.googleapis.com/auth/admin.directory.group.member.readonly',
] as const;

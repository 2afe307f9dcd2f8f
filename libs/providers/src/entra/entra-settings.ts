import { z } from 'zod';

/** Upstream's two `identityAuthority` values: the public cloud and the US government cloud. */
export const ENTRA_PUBLIC_AUTHORITY = 'login.microsoftonline.com';
export const ENTRA_GOVERNMENT_AUTHORITY = 'login.microsoftonline.us';

/** Each cloud's Microsoft Graph; every call, token scope included, goes to its cloud's Graph. */
export const GRAPH_PUBLIC_URL = 'https://graph.microsoft.com';
export const GRAPH_GOVERNMENT_URL = 'https://graph.microsoft.us';

const optionalText = z.string().trim().nullable().default(null);

/**
 * The Entra ID settings: upstream's `directoryEntra` fields under its names (the client secret
 * `key` is a secret and lives in the secret store), plus what upstream left fixed.
 */
export const EntraDirectorySettingsSchema = z
  .object({
    /**
     * `login.microsoftonline.com` (public, also when unset) or `login.microsoftonline.us` (US
     * government). Any other `https://` URL is a custom login host, which needs `graphUrl`.
     */
    identityAuthority: optionalText,
    /** The directory (tenant) id or a verified domain. */
    tenant: z
      .string({ error: 'the tenant (directory) id is required' })
      .trim()
      .min(1, 'the tenant (directory) id is required'),
    /** The app registration's application (client) id. */
    applicationId: z
      .string({ error: 'the application (client) id is required' })
      .trim()
      .min(1, 'the application (client) id is required'),
    /** The Graph origin for a custom `identityAuthority`; unset, the authority's cloud decides. */
    graphUrl: optionalText,
    /** Membership calls in flight at once (upstream: one at a time). */
    concurrency: z.number().int().min(1).max(32).default(8),
    /**
     * A PEM file of extra CA certificates to trust, for a TLS-inspecting proxy; the system's
     * trust store is used as well.
     */
    caPath: optionalText,
  })
  .superRefine((settings, context) => {
    const authority = settings.identityAuthority;
    if (authority !== null && authority !== '' && knownCloud(authority) === null) {
      if (!isHttpsUrl(authority)) {
        context.addIssue({
          code: 'custom',
          path: ['identityAuthority'],
          message: `must be ${ENTRA_PUBLIC_AUTHORITY}, ${ENTRA_GOVERNMENT_AUTHORITY} or an https:// URL`,
        });
      } else if (settings.graphUrl === null) {
        context.addIssue({
          code: 'custom',
          path: ['graphUrl'],
          message: 'a custom identity authority needs the Graph URL too',
        });
      }
    }
    if (settings.graphUrl !== null && !isHttpsUrl(settings.graphUrl)) {
      context.addIssue({ code: 'custom', path: ['graphUrl'], message: 'must be an https:// URL' });
    }
  });

export type EntraDirectorySettings = z.infer<typeof EntraDirectorySettingsSchema>;

export type EntraCloudName = 'public' | 'government' | 'custom';

/** Where the provider logs in and which Graph it reads, resolved from the settings. */
export interface EntraCloud {
  readonly name: EntraCloudName;
  /** `https://<login host>/<tenant>`, as msal wants it. */
  readonly authority: string;
  /** msal's `knownAuthorities`: a custom login host (with its port) must be listed. */
  readonly knownAuthorities: readonly string[];
  /** The Graph origin, without a trailing slash or version. */
  readonly graphUrl: string;
}

export function resolveEntraCloud(settings: EntraDirectorySettings): EntraCloud {
  const tenant = encodeURIComponent(settings.tenant);
  const authority = settings.identityAuthority?.trim() || ENTRA_PUBLIC_AUTHORITY;
  const cloud = knownCloud(authority);
  const graphOverride = settings.graphUrl ? trimSlash(settings.graphUrl) : null;
  if (cloud === 'government') {
    return {
      name: 'government',
      authority: `https://${ENTRA_GOVERNMENT_AUTHORITY}/${tenant}`,
      knownAuthorities: [],
      graphUrl: graphOverride ?? GRAPH_GOVERNMENT_URL,
    };
  }
  if (cloud === 'public') {
    return {
      name: 'public',
      authority: `https://${ENTRA_PUBLIC_AUTHORITY}/${tenant}`,
      knownAuthorities: [],
      graphUrl: graphOverride ?? GRAPH_PUBLIC_URL,
    };
  }
  const origin = new URL(authority);
  return {
    name: 'custom',
    authority: `${origin.origin}/${tenant}`,
    knownAuthorities: [origin.host],
    graphUrl: graphOverride ?? '',
  };
}

function knownCloud(authority: string): 'public' | 'government' | null {
  const host = authority
    .trim()
    .replace(/^https:\/\//i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
  if (host === ENTRA_PUBLIC_AUTHORITY) {
    return 'public';
  }
  return host === ENTRA_GOVERNMENT_AUTHORITY ? 'government' : null;
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function trimSlash(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

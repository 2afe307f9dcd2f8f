import { BitwardenError } from './bitwarden-error';

/** What the admin configures; upstream's `environmentUrls`. */
export interface ServerUrlSettings {
  /** A self-hosted server (or `https://vault.bitwarden.eu`): `/api` and `/identity` hang below it. */
  readonly base?: string | null;
  readonly api?: string | null;
  readonly identity?: string | null;
}

export interface ServerUrls {
  readonly apiUrl: string;
  readonly identityUrl: string;
}

export const BITWARDEN_US_CLOUD: ServerUrls = {
  apiUrl: 'https://api.bitwarden.com',
  identityUrl: 'https://identity.bitwarden.com',
};

/** The EU cloud's own hosts (setting the server to `https://vault.bitwarden.eu` works too). */
export const BITWARDEN_EU_CLOUD: ServerUrls = {
  apiUrl: 'https://api.bitwarden.eu',
  identityUrl: 'https://identity.bitwarden.eu',
};

/**
 * Upstream's rules: an explicit URL wins; else `base + /api` and `base + /identity`; else the US
 * cloud. Every URL is normalised as upstream saves it.
 */
export function resolveServerUrls(settings: ServerUrlSettings): ServerUrls {
  const base = normaliseServerUrl(settings.base);
  return {
    apiUrl: normaliseServerUrl(settings.api) ?? (base ? `${base}/api` : BITWARDEN_US_CLOUD.apiUrl),
    identityUrl:
      normaliseServerUrl(settings.identity) ??
      (base ? `${base}/identity` : BITWARDEN_US_CLOUD.identityUrl),
  };
}

/** Trims, drops trailing slashes and adds `https://` when no scheme is given; blank is null. */
export function normaliseServerUrl(url: string | null | undefined): string | null {
  const trimmed = url?.trim().replace(/\/+$/, '') ?? '';
  if (trimmed === '') {
    return null;
  }
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/**
 * Upstream's guard before every API call: the URL must already be in the form the URL parser
 * gives back, so no dot-segments, upper-case hosts or odd encodings slip a request elsewhere.
 */
export function assertCanonicalUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    parsed = new URL('invalid:');
  }
  if (parsed.href !== url || !['http:', 'https:'].includes(parsed.protocol)) {
    throw new BitwardenError(
      'INVALID_SERVER_URL',
      `The Bitwarden server URL gives an invalid request URL: ${url}`,
      'Set the server URL as https://host[:port][/path] in lower case, without a default port (:443, :80) or dot-segments.',
    );
  }
  return parsed;
}

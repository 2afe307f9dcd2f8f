import type { AbstractControl, ValidationErrors } from '@angular/forms';

/**
 * Trims, drops trailing slashes and adds `https://` when no scheme is given; blank is null. A copy
 * of `normaliseServerUrl` in libs/core/src/bitwarden/server-urls.ts (whose entry also loads
 * Node-only code); server-url.spec.ts holds both to the same answers.
 */
export function normaliseServerUrl(url: string | null | undefined): string | null {
  const trimmed = url?.trim().replace(/\/+$/, '') ?? '';
  if (trimmed === '') {
    return null;
  }
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

/** Why a server URL cannot be saved; null when it can. */
export type ServerUrlProblem = 'required' | 'invalid' | 'insecure';

const ANY_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;
const HTTP_SCHEME = /^https?:\/\//i;

/**
 * A server URL is an https URL with no credentials, query or fragment (`https://` may be left
 * out). Plain http is allowed only on this machine (a local test server): anywhere else the API
 * key would cross the network in clear text.
 */
export function serverUrlProblem(value: string | null | undefined): ServerUrlProblem | null {
  const trimmed = value?.trim() ?? '';
  const normalised = normaliseServerUrl(trimmed);
  if (normalised === null) {
    return 'required';
  }
  // Normalising would read ftp://host as a host named "ftp".
  if (ANY_SCHEME.test(trimmed) && !HTTP_SCHEME.test(trimmed)) {
    return 'invalid';
  }
  let url: URL;
  try {
    url = new URL(normalised);
  } catch {
    return 'invalid';
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return 'invalid';
  }
  if (url.protocol === 'https:') {
    return null;
  }
  return isLoopback(url.hostname) ? null : 'insecure';
}

/** The reactive-forms validator: `{ serverUrl: problem }`, or null. */
export function serverUrlValidator(control: AbstractControl<string>): ValidationErrors | null {
  const problem = serverUrlProblem(control.value);
  return problem === null ? null : { serverUrl: problem };
}

/** `localhost`, 127.0.0.0/8 or [::1]; `URL` has already turned other IPv4 spellings into dots. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

import type { ServerSettings } from '../../shared/connector-bridge';

/** The Bitwarden server as the About section names it. */
export function serverText(server: ServerSettings | null): string {
  if (server === null) {
    return 'Bitwarden cloud (US)';
  }
  return 'base' in server ? server.base : `API ${server.api}, identity ${server.identity}`;
}

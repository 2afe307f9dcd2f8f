/** What a redacted value is replaced with, in fields and in the text of a line. */
export const REDACTED = '[redacted]';

/**
 * Field names that may carry a secret, whatever object they sit in. Nothing should log one (error
 * messages are written not to), so this is the second line of defence, not the first.
 */
export const SECRET_FIELD_NAMES: readonly string[] = [
  'password',
  'secret',
  'clientSecret',
  'apiKey',
  'key',
  'privateKey',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'Authorization',
  'cookie',
  'webhookUrl',
];

/** How deep below the top of a record a secret field is still found. */
const REDACTED_DEPTH = 3;

/** pino `redact` paths for every secret field name at the top level and a few levels down. */
export function redactedPaths(): string[] {
  const paths: string[] = [];
  for (let depth = 0; depth <= REDACTED_DEPTH; depth += 1) {
    const prefix = '*.'.repeat(depth);
    for (const name of SECRET_FIELD_NAMES) {
      paths.push(`${prefix}${name}`);
    }
  }
  return paths;
}

/**
 * Replaces every occurrence of the given secret strings in a finished log line. The webhook URL
 * often carries its token in the path, so the URL and its path are never printed, even inside a
 * message that some library built around it. Strings shorter than 8 characters are ignored: they
 * would redact ordinary words and are no secret worth the name.
 */
export function secretScrubber(secrets: readonly string[]): (line: string) => string {
  const candidates = [...new Set(secrets.filter((secret) => secret.length >= 8))].sort(
    (left, right) => right.length - left.length,
  );
  // A secret may appear escaped inside a JSON string: look for both spellings.
  const spellings = [
    ...new Set(candidates.flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)])),
  ];
  if (spellings.length === 0) {
    return (line) => line;
  }
  return (line) => spellings.reduce((text, secret) => text.replaceAll(secret, REDACTED), line);
}

/** The parts of a webhook URL that must never be logged: the whole URL and its path and query. */
export function webhookSecrets(url: string | null): string[] {
  if (url === null) {
    return [];
  }
  try {
    const parsed = new URL(url);
    const pathAndQuery = `${parsed.pathname}${parsed.search}`;
    return [url, parsed.href, pathAndQuery === '/' ? '' : pathAndQuery];
  } catch {
    return [url];
  }
}

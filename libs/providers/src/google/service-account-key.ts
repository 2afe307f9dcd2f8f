import { GoogleError } from './google-error';

/** What the connector needs of a service account's JSON key file. */
export interface ServiceAccountKey {
  readonly clientEmail: string;
  /** The PEM private key, with real line breaks. */
  readonly privateKey: string;
}

/**
 * Reads `client_email` and `private_key` from the JSON key file Google Cloud gives for a service
 * account, for the front ends to fill `gsuite.clientEmail` and the `privateKey` secret from.
 * Errors name the missing field, never the file's content.
 */
export function parseServiceAccountKey(json: string): ServiceAccountKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw keyFileError('it is not JSON');
  }
  if (parsed === null || typeof parsed !== 'object') {
    throw keyFileError('it is not a JSON object');
  }
  const fields = parsed as Record<string, unknown>;
  if (fields['type'] !== undefined && fields['type'] !== 'service_account') {
    throw keyFileError(`its type is '${String(fields['type'])}', not 'service_account'`);
  }
  const clientEmail = fields['client_email'];
  const privateKey = fields['private_key'];
  if (typeof clientEmail !== 'string' || clientEmail.trim() === '') {
    throw keyFileError('it has no client_email');
  }
  if (typeof privateKey !== 'string' || !privateKey.includes('PRIVATE KEY-----')) {
    throw keyFileError('it has no PEM private_key');
  }
  return { clientEmail: clientEmail.trim(), privateKey: normalisePrivateKey(privateKey) };
}

/**
 * As upstream stores the key (trimmed, escaped `\n` made line breaks), and a PEM that lost its
 * line breaks put back into lines.
 */
export function normalisePrivateKey(key: string): string {
  const unescaped = key.trimStart().replace(/\\n/g, '\n');
  return unescaped.trimEnd().includes('\n') ? unescaped : rewrapPem(unescaped.trim());
}

/**
 * A PEM pasted into one line (a password box or a shell argument drops its line breaks) is put
 * back into lines: the header, the base64 body in lines of 64, the footer.
 */
function rewrapPem(line: string): string {
  const match = /^(-----BEGIN [A-Z ]+-----)\s*([A-Za-z0-9+/=\s]+?)\s*(-----END [A-Z ]+-----)$/.exec(
    line,
  );
  if (match === null) {
    return line;
  }
  const [, header, body, footer] = match;
  const base64 = (body ?? '').replace(/\s+/g, '');
  return [header, ...(base64.match(/.{1,64}/g) ?? []), footer, ''].join('\n');
}

function keyFileError(why: string): GoogleError {
  return new GoogleError(
    'GOOGLE_KEY_INVALID',
    `The service account key file cannot be used: ${why}.`,
    'Download a new JSON key for the service account (Google Cloud console → IAM → Service accounts → Keys) and import that file.',
  );
}

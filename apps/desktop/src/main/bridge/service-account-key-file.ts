import { readFile } from 'node:fs/promises';

import { ConfigurationError } from '@bwdc/core';
import { parseServiceAccountKey, type ServiceAccountKey } from '@bwdc/providers';

/** The most a service account's key file takes (they are about 2.3 KB); anything bigger is not one. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

/**
 * Reads a Google service account's JSON key file for the settings form. Failures name the file
 * and what is wrong with it, never its content.
 */
export async function readServiceAccountKey(path: string): Promise<ServiceAccountKey> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_KEY_FILE_BYTES) {
      throw new RangeError(`it is ${bytes.length} bytes, larger than any key file`);
    }
    text = bytes.toString('utf8');
  } catch (error) {
    throw new ConfigurationError(
      'KEY_FILE_UNREADABLE',
      `Cannot read the key file ${path}: ${error instanceof Error ? error.message : String(error)}.`,
      'Choose the JSON key file you downloaded for the service account (Google Cloud console → IAM → Service accounts → Keys).',
    );
  }
  return parseServiceAccountKey(text);
}

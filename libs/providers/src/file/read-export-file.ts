import { readFile } from 'node:fs/promises';

import { FileDirectoryError } from './file-error';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The export's text, read once. Exports below a few hundred megabytes fit in memory comfortably,
 * and parsing a whole text is simpler to make all-or-nothing than a stream.
 */
export async function readExportFile(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw unreadable(path, error);
  }
  // Spreadsheet programs save "Unicode text" as UTF-16; decoding it as UTF-8 would garble every
  // name rather than fail, so it is refused with the way out.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    throw notUtf8(path, 'it is UTF-16');
  }
  try {
    return UTF8.decode(bytes);
  } catch (error) {
    throw notUtf8(path, 'it has bytes that are not UTF-8', error);
  }
}

function unreadable(path: string, error: unknown): FileDirectoryError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') {
    return new FileDirectoryError(
      'FILE_NOT_FOUND',
      path,
      `The directory export ${path} does not exist.`,
      'Check the file path in the directory settings, or export the directory there again.',
      { cause: error },
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new FileDirectoryError(
    'FILE_UNREADABLE',
    path,
    `The directory export ${path} cannot be read: ${reason}.`,
    code === 'EACCES' || code === 'EPERM'
      ? 'Let the account that runs the connector read the file.'
      : 'Check that the path names a readable file, not a folder.',
    { cause: error },
  );
}

function notUtf8(path: string, reason: string, cause?: unknown): FileDirectoryError {
  return new FileDirectoryError(
    'FILE_NOT_UTF8',
    path,
    `The directory export ${path} is not UTF-8 text: ${reason}.`,
    'Save or export the file as UTF-8 (in a spreadsheet program: "CSV UTF-8").',
    cause === undefined ? undefined : { cause },
  );
}

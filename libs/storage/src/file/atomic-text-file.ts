import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';

export const DATA_FILE_MODE = 0o600;

/** The file's text, or null when it does not exist. */
export async function readTextFile(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return null;
    }
    throw error;
  }
}

/**
 * Replaces the file so that every reader sees either the old or the new content, even if the
 * process dies half-way: write a temporary file beside it, fsync it, rename it over the original
 * (atomic on one file system), then fsync the folder so the rename itself survives a crash.
 */
export async function writeTextFileAtomically(file: string, text: string): Promise<void> {
  const temporary = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temporary, 'w', DATA_FILE_MODE);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.chmod(DATA_FILE_MODE);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(path.dirname(file));
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

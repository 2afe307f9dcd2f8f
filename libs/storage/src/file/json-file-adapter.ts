import type { Adapter } from 'lowdb';

import { readTextFile, writeTextFileAtomically } from './atomic-text-file';

/**
 * lowdb's adapter over the data file. Reads hand back the raw text so the store can keep a
 * byte-for-byte copy of a file it cannot parse; writes are atomic (see writeTextFileAtomically).
 */
export class RawJsonFileAdapter implements Adapter<RawJsonFile> {
  constructor(private readonly file: string) {}

  async read(): Promise<RawJsonFile | null> {
    const text = await readTextFile(this.file);
    return text === null ? null : { text };
  }

  async write(data: RawJsonFile): Promise<void> {
    if (data.text === null) {
      throw new Error('Refusing to write a data file without content.');
    }
    await writeTextFileAtomically(this.file, data.text);
  }
}

export interface RawJsonFile {
  /** null: there is no file. */
  readonly text: string | null;
}

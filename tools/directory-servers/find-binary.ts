import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** A system binary's path: on PATH, or in the sbin folders a non-root PATH often lacks. */
export function findBinary(name: string): string | undefined {
  const dirs = [...(process.env['PATH'] ?? '').split(path.delimiter), '/usr/sbin', '/sbin'];
  return dirs.map((dir) => path.join(dir, name)).find((candidate) => existsSync(candidate));
}

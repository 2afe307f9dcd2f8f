import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

import { SAMBA_AD_DOMAIN } from './domain';
import { CommandError, runCommand } from './processes';

export interface SeedSource {
  /** For error messages: a file name, or "seed.ldif" for inline text. */
  readonly name: string;
  readonly text: string;
}

const LOADER = path.join(__dirname, 'ad-bulk-load.py');
const LOAD_TIMEOUT_MS = 300_000;

/** The placeholders a seed LDIF may use, replaced before loading. */
export const SEED_PLACEHOLDERS: Readonly<Record<string, string>> = {
  BASE_DN: SAMBA_AD_DOMAIN.baseDn,
  DNS_DOMAIN: SAMBA_AD_DOMAIN.dnsDomain,
  REALM: SAMBA_AD_DOMAIN.realm,
  NETBIOS_DOMAIN: SAMBA_AD_DOMAIN.netbiosDomain,
};

/**
 * Replaces `{{BASE_DN}}` and the other fixed names. `{{RID:<dn>}}` is left for the loader, which
 * can only know a RID once the object exists (its <dn> may itself use `{{BASE_DN}}`). An unknown
 * placeholder is an error rather than a literal that would end up in the directory.
 */
export function expandPlaceholders(text: string, source: string): string {
  const expanded = text.replace(/\{\{([A-Z_]+)\}\}/g, (match, name: string) => {
    const value = SEED_PLACEHOLDERS[name];
    if (value === undefined) {
      throw new Error(`${source}: unknown placeholder ${match}`);
    }
    return value;
  });
  const unknown = /\{\{(?!RID:)[^}]*\}\}/.exec(expanded);
  if (unknown !== null) {
    throw new Error(`${source}: unknown placeholder ${unknown[0]}`);
  }
  return expanded;
}

export async function readSeedFiles(files: readonly string[]): Promise<SeedSource[]> {
  return Promise.all(
    files.map(async (file) => ({ name: file, text: await readFile(file, 'utf8') })),
  );
}

/**
 * Loads the seeds into sam.ldb while samba is not running: one batch-mode transaction through
 * Samba's own module stack (see ad-bulk-load.py), far faster than LDAP adds.
 */
export async function loadSeed(input: {
  readonly python: string;
  readonly smbConf: string;
  readonly dir: string;
  readonly sources: readonly SeedSource[];
}): Promise<void> {
  if (input.sources.length === 0) {
    return;
  }
  const ldif = input.sources
    .map((source) => expandPlaceholders(source.text, source.name).trim())
    .join('\n\n');
  const ldifPath = path.join(input.dir, 'seed.ldif');
  await writeFile(ldifPath, `${ldif}\n`);
  try {
    await runCommand(input.python, [LOADER, input.smbConf, ldifPath], {
      timeoutMs: LOAD_TIMEOUT_MS,
    });
  } catch (error) {
    throw new Error(
      `seeding failed: ${error instanceof CommandError ? error.output : String(error)}`,
    );
  }
}

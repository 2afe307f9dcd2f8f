import { isBuiltin } from 'node:module';

import type { Metafile } from 'esbuild';

/**
 * Packages that ship native `.node` binaries: never bundled, installed beside the bundle as
 * dependencies (storage's keychain client), for bwdc and the desktop app alike.
 */
export const NATIVE_PACKAGES: readonly string[] = ['@napi-rs/keyring'];

/**
 * Optional packages `require`d only when present, which the workspace does not install: dbus-next's
 * `usocket` (native) and `x11`, and node-fetch 2's `encoding` (under the Okta SDK; only for
 * non-UTF-8 bodies, which Okta never sends). Left out of bundles and packages, exactly as they are
 * missing here.
 */
export const OPTIONAL_PACKAGES: readonly string[] = ['usocket', 'x11', 'encoding'];

/** The package name of a bare import specifier (`@scope/name/sub` -> `@scope/name`). */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** The packages a bundle still `require`s at run time: not Node's builtins, not its own files. */
export function externalPackagesOf(metafile: Metafile): string[] {
  const names = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) {
      if (imported.external && !isBuiltin(imported.path) && !imported.path.startsWith('./')) {
        names.add(packageNameOf(imported.path));
      }
    }
  }
  return [...names].sort();
}

/** A `.node` binary that reached a bundle would be written out as a path that does not exist. */
export function assertNoNativeInputs(metafile: Metafile): void {
  const native = Object.keys(metafile.inputs).filter((input) => input.endsWith('.node'));
  if (native.length > 0) {
    throw new Error(`Native binaries must stay external: ${native.join(', ')}`);
  }
}

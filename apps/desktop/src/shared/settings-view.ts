import type { DirectoryType } from '@bwdc/core';

/** How the settings form shows and parses a field, read off the provider's schema in main. */
export type FieldKind = 'boolean' | 'integer' | 'number' | 'text' | 'choice' | 'file' | 'json';

export interface FieldView {
  /** The key in the data file (`hostname`, `userPath`...). */
  readonly name: string;
  readonly kind: FieldKind;
  /** The values of a `choice`. */
  readonly options: readonly string[];
  /** Whether an empty field is stored as null (otherwise it falls back to its default). */
  readonly nullable: boolean;
  /** What an unset field means. */
  readonly defaultValue: unknown;
}

/** One directory type's part of the form. */
export interface DirectoryForm {
  readonly type: DirectoryType;
  /** False while its provider has not landed: it can be chosen only once it has. */
  readonly available: boolean;
  /** `directories.<type>`. */
  readonly fields: readonly FieldView[];
  /** The provider's own fields in `sync` (the LDAP classes, paths and attributes). */
  readonly syncFields: readonly FieldView[];
  /** The directory's secret (kept in the keychain, never shown), or null when it has none. */
  readonly secret: { readonly name: string; readonly isSet: boolean } | null;
}

/** The active profile's settings and the form to edit them. */
export interface SettingsView {
  readonly profile: string;
  readonly profiles: readonly string[];
  readonly directoryType: DirectoryType | null;
  /** Each directory's stored settings, every field of its form present (unset ones at default). */
  readonly directories: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The sync options, every field of the forms present. */
  readonly sync: Readonly<Record<string, unknown>>;
  readonly forms: {
    readonly directories: readonly DirectoryForm[];
    /** The sync options every directory shares (users, groups, interval, filters...). */
    readonly sync: readonly FieldView[];
  };
}

/** What Save sends: the chosen directory's settings and the sync options, whole. */
export interface SettingsChange {
  readonly directoryType: DirectoryType | null;
  /** The settings of `directoryType`; ignored when it is null. */
  readonly directory: Readonly<Record<string, unknown>>;
  readonly sync: Readonly<Record<string, unknown>>;
  /** A new secret for `directoryType`; null removes it; absent leaves it as it is. */
  readonly secret?: string | null;
}

export type SettingsSaveResult =
  | { readonly saved: true }
  | { readonly saved: false; readonly problems: readonly SettingsProblem[] };

/** A validation error from the provider's schema, for the field it belongs to. */
export interface SettingsProblem {
  readonly section: 'directory' | 'sync' | 'directoryType';
  /** The field's name, or null for a problem of the whole section. */
  readonly field: string | null;
  readonly message: string;
}

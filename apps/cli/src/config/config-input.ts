/** Where the value of `bwdc config <setting> [value]` comes from. */
export type SettingValueSource =
  | { readonly from: 'argument'; readonly text: string }
  /** `--secretenv VAR`: that environment variable. */
  | { readonly from: 'environment'; readonly variable: string }
  /** `--secretfile FILE`: the file's first line. */
  | { readonly from: 'file'; readonly path: string };

/** What `bwdc config` was asked to do, once its arguments and options are checked. */
export type ConfigInput =
  /** `--list [prefix]`: every setting (or those starting with the prefix) and its value. */
  | { readonly action: 'list'; readonly prefix: string | null }
  | { readonly action: 'get'; readonly setting: string }
  | { readonly action: 'set'; readonly setting: string; readonly value: SettingValueSource };

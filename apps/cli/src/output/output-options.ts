/**
 * The global flags that shape output. Upstream read them back from environment variables
 * (`BW_RESPONSE=true`...), which scripts may still set; a flag or its variable turns an option on.
 */
export interface OutputOptions {
  /** The whole envelope as JSON on stdout, errors included. */
  readonly response: boolean;
  /** JSON indented by two spaces. */
  readonly pretty: boolean;
  /** Message responses print only their raw field. */
  readonly raw: boolean;
  /** Nothing on stdout (errors too, as upstream). */
  readonly quiet: boolean;
  /** Errors exit with 0. */
  readonly cleanExit: boolean;
  /** Never prompt. */
  readonly noInteraction: boolean;
}

export interface GlobalFlags {
  readonly response?: boolean;
  readonly pretty?: boolean;
  readonly raw?: boolean;
  readonly quiet?: boolean;
  readonly cleanexit?: boolean;
  readonly nointeraction?: boolean;
}

export function outputOptions(
  flags: GlobalFlags,
  env: Readonly<Record<string, string | undefined>>,
): OutputOptions {
  const on = (flag: boolean | undefined, variable: string): boolean =>
    flag === true || env[variable] === 'true';
  return {
    response: on(flags.response, 'BW_RESPONSE'),
    pretty: on(flags.pretty, 'BW_PRETTY'),
    raw: on(flags.raw, 'BW_RAW'),
    quiet: on(flags.quiet, 'BW_QUIET'),
    // Upstream counts BW_CLEANEXIT as on whatever its value.
    cleanExit: flags.cleanexit === true || env['BW_CLEANEXIT'] !== undefined,
    noInteraction: on(flags.nointeraction, 'BW_NOINTERACTION'),
  };
}

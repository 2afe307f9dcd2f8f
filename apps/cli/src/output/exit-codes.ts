/**
 * `bwdc`'s exit codes. 3 is apart from 1 so that a cron job or a scheduler can tell "a safety
 * guard held the sync back, a person should look" from "the sync broke".
 */
export const EXIT_OK = 0;
/** Any error: the directory, Bitwarden, the data file, the settings, the command line. */
export const EXIT_ERROR = 1;
/** The deletion guard or the empty-read guard refused the sync; nothing was sent. */
export const EXIT_REFUSED_BY_GUARD = 3;

export type ExitCode = typeof EXIT_OK | typeof EXIT_ERROR | typeof EXIT_REFUSED_BY_GUARD;

/**
 * One sentence under a field whose label cannot say enough: what the value does and what empty
 * means. Keyed by the data file's name, as the labels are.
 */
const FIELD_HELP: Readonly<Record<string, string>> = {
  maxRemovals:
    'The deletion guard: a sync that would remove more members than this (or than the share below, whichever is larger) is refused until someone confirms it. Empty: not used; both empty turn the guard off.',
  maxRemovalsPercent:
    "The same limit as a share of the organization's members (0–100). Empty: not used.",
  schedule:
    'A cron expression for bwdc serve, such as 0 */6 * * * (every six hours); when set, bwdc serve uses it instead of the interval. The desktop app syncs by the interval.',
};

export function fieldHelp(name: string): string | null {
  return FIELD_HELP[name] ?? null;
}

import type { SettingsProblem } from '../../shared/settings-view';
import { fieldLabel } from './field-labels';

/** Main's messages by field, keyed `<section>.<field>` (`directory.hostname`, `sync.interval`). */
export type ProblemMap = Readonly<Record<string, readonly string[]>>;

export interface PlacedProblems {
  /** The problems of the fields on the form, to show under each. */
  readonly inline: ProblemMap;
  /** The rest, for the summary: a whole section's problems, or a field the form does not show. */
  readonly unplaced: readonly string[];
  readonly count: number;
}

const SECTION_LABELS: Readonly<Record<SettingsProblem['section'], string>> = {
  directory: 'Directory settings',
  sync: 'Sync options',
  directoryType: 'Directory type',
};

export function problemKey(section: SettingsProblem['section'], field: string): string {
  return `${section}.${field}`;
}

/** Puts each of main's problems under its field when `shown` has it, in the summary otherwise. */
export function placeProblems(
  problems: readonly SettingsProblem[],
  shown: ReadonlySet<string>,
): PlacedProblems {
  const inline: Record<string, string[]> = {};
  const unplaced: string[] = [];
  for (const problem of problems) {
    const message = sentence(problem.message);
    const key = problem.field === null ? null : problemKey(problem.section, problem.field);
    if (key !== null && shown.has(key)) {
      (inline[key] ??= []).push(message);
    } else {
      const where =
        problem.field === null ? SECTION_LABELS[problem.section] : fieldLabel(problem.field);
      unplaced.push(`${where}: ${message}`);
    }
  }
  return { inline, unplaced, count: problems.length };
}

/** Main's schema messages read like "the LDAP server host name is required". */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

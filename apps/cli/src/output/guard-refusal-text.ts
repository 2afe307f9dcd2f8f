import { cappedLines } from './capped-lines';
import type { GuardRefusal } from '@bwdc/core';

/**
 * What follows the one-line message of a deletion-guard refusal on stderr: who would have been
 * removed, one a line, so the admin can check them before forcing the sync.
 */
export function guardRefusalLines(guard: GuardRefusal): string[] {
  if (guard.reason !== 'too-many-removals') {
    return [];
  }
  return [
    'Would remove:',
    ...cappedLines(
      guard.removals,
      (removal) =>
        `${removal.email || '(no email)'}  ${removal.externalId ?? '-'}  (${removal.reason})`,
    ),
  ];
}

import { planListLines, planWarningLines } from './plan-lists-text';
import { guardVerdictLines, planSummaryLines } from './plan-summary-text';
import type { PlanData } from './response';
import { readDetailLines } from './sync-report-message';

/**
 * `bwdc plan` for a person: the counts, who the read left out, the people and groups behind the
 * counts (capped; `--response` has them all), then what would stop the sync.
 */
export function planText(plan: PlanData): string {
  const details = readDetailLines(plan);
  const warnings = planWarningLines(plan.organization);
  return [
    ...planSummaryLines(plan),
    ...(details.length === 0 ? [] : ['', ...details]),
    ...planListLines(plan.organization),
    '',
    ...guardVerdictLines(plan.guard),
    ...(warnings.length === 0 ? [] : ['', ...warnings]),
  ].join('\n');
}

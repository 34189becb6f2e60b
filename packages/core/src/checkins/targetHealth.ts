import { initiativeHealth, objectiveHealth, type HealthAssessment } from '../alignment/health.js';
import { objectiveProgressAll } from '../alignment/progress.js';
import type { CheckIn } from '../model/checkIn.js';
import { itemsOf, type PortfolioData } from '../model/portfolio.js';

/**
 * The health of an objective or initiative at `now`, from its numbers and the check-ins given
 * (pass none for the numbers alone). Undefined for a key that is neither.
 */
export function targetHealth(
  portfolio: PortfolioData,
  targetKey: string,
  now: Date,
  checkIns: readonly CheckIn[] = [],
): HealthAssessment | undefined {
  const initiative = itemsOf(portfolio, 'initiative').find((i) => i.key === targetKey);
  if (initiative) return initiativeHealth(initiative, { now, checkIns });
  const objective = itemsOf(portfolio, 'objective').find((o) => o.key === targetKey);
  if (!objective) return undefined;
  const progress = objectiveProgressAll({
    objectives: itemsOf(portfolio, 'objective'),
    keyResults: itemsOf(portfolio, 'keyResult'),
  }).get(targetKey);
  return objectiveHealth(objective, { progress, now, checkIns });
}

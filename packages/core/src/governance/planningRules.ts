import type { Initiative } from '../model/initiative.js';
import type { Objective } from '../model/objective.js';
import { GovernanceError } from './governanceError.js';

/** IT's assessment a proposed item carries before approval. */
export type ItAssessment = Pick<Objective, 'itFeasibility' | 'itEffortWeeks' | 'itRisk'>;

/** The assessment fields, in the order they are asked for. */
export const IT_ASSESSMENT_FIELDS = ['itFeasibility', 'itEffortWeeks', 'itRisk'] as const;

/** The IT assessment fields `item` still lacks (empty when it may be approved). */
export function missingItAssessment(item: ItAssessment): (typeof IT_ASSESSMENT_FIELDS)[number][] {
  return IT_ASSESSMENT_FIELDS.filter((f) => item[f] === undefined);
}

/** Whether a status change takes an objective out of `proposed` into approval. */
function approvesObjective(before: Objective['status'] | undefined, after: Objective['status']): boolean {
  return before === 'proposed' && after !== 'proposed' && after !== 'dropped';
}

/** Whether a status change takes an initiative out of `proposed` into the plan. */
function approvesInitiative(before: Initiative['status'] | undefined, after: Initiative['status']): boolean {
  return before === 'proposed' && after !== 'proposed' && after !== 'cancelled';
}

/**
 * Refuses to approve a proposed objective or initiative that lacks IT's feasibility, effort or risk, with a
 * `GovernanceError` (`assessmentMissing`) naming the first missing field. Dropping or cancelling needs nothing.
 */
export function assertMayApprove(
  kind: 'objective' | 'initiative',
  before: Pick<Objective, 'status'> | Pick<Initiative, 'status'> | undefined,
  after: (Objective | Initiative) & ItAssessment,
): void {
  const approving =
    kind === 'objective'
      ? approvesObjective(before?.status as Objective['status'] | undefined, after.status as Objective['status'])
      : approvesInitiative(before?.status as Initiative['status'] | undefined, after.status as Initiative['status']);
  if (!approving) return;
  const missing = missingItAssessment(after);
  if (missing.length === 0) return;
  const words = { itFeasibility: 'IT feasibility', itEffortWeeks: 'IT effort', itRisk: 'IT risk' };
  throw new GovernanceError(
    'assessmentMissing',
    missing[0]!,
    `${after.key} cannot be approved before IT assesses it: ${missing.map((f) => words[f]).join(', ')} missing`,
  );
}

import { z } from 'zod';
import {
  idSchema,
  isoDateSchema,
  keySchema,
  numberSchema,
  personRefSchema,
  textSchema,
  titleSchema,
  withRules,
} from './common.js';
import { objectiveKinds, objectiveStatuses } from './vocabulary.js';

/** An objective: a business priority or an IT capability/constraint, with an owner and a period. */
export const objectiveSchema = withRules(
  z.object({
    id: idSchema,
    key: keySchema('objective'),
    kind: z.enum(objectiveKinds, { message: 'must be business or it' }),
    title: titleSchema,
    description: textSchema.optional(),
    owner: personRefSchema,
    periodStart: isoDateSchema,
    periodEnd: isoDateSchema,
    status: z.enum(objectiveStatuses, { message: `must be one of ${objectiveStatuses.join(', ')}` }),
    /** The objective this one contributes to. */
    parentKey: keySchema('objective').optional(),
    /** Its weight in the parent's progress (relative to its siblings). */
    weight: numberSchema.positive('must be greater than 0').max(100, 'must be at most 100').optional(),
    /** IT's view while the objective is proposed: feasibility, effort and risk before approval. */
    itFeasibility: z.enum(['low', 'medium', 'high'], { message: 'must be low, medium or high' }).optional(),
    itEffortWeeks: numberSchema.nonnegative('must be at least 0').optional(),
    itRisk: z.enum(['low', 'medium', 'high'], { message: 'must be low, medium or high' }).optional(),
  }),
  'objective',
);

/** An objective: a business priority or an IT capability/constraint. */
export type Objective = z.infer<typeof objectiveSchema>;

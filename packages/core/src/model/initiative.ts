import { z } from 'zod';
import {
  idSchema,
  isoDateSchema,
  keySchema,
  numberSchema,
  percentSchema,
  personRefSchema,
  textSchema,
  titleSchema,
  withRules,
} from './common.js';
import { check } from './checks.js';
import { refineWith } from './compiledSchema.js';
import { initiativeStatuses, riceImpacts } from './vocabulary.js';

const wsjfInput = z
  .number({ invalid_type_error: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be from 1 to 20')
  .max(20, 'must be from 1 to 20');

/** Cross-functional work with an IT owner and a business sponsor, scored by WSJF and RICE. */
export const initiativeSchema = withRules(
  z.object({
    id: idSchema,
    key: keySchema('initiative'),
    title: titleSchema,
    description: textSchema.optional(),
    objectiveKeys: z.array(keySchema('objective'), { invalid_type_error: 'must be a list of objective keys' }),
    /** Initiatives that must end before this one starts. */
    dependsOn: z.array(keySchema('initiative'), { invalid_type_error: 'must be a list of initiative keys' }),
    itOwner: personRefSchema,
    businessSponsor: personRefSchema,
    start: isoDateSchema,
    end: isoDateSchema,
    status: z.enum(initiativeStatuses, { message: `must be one of ${initiativeStatuses.join(', ')}` }),
    /** Share of the work done, 0–100. */
    percentComplete: percentSchema,
    /** WSJF inputs (1–20, relative Fibonacci-like estimates). */
    businessValue: wsjfInput,
    timeCriticality: wsjfInput,
    riskReduction: wsjfInput,
    jobSize: wsjfInput,
    /** RICE inputs: people reached per quarter, impact (0.25–3), confidence %, effort in person-months. */
    reach: numberSchema.int('must be a whole number').nonnegative('must be at least 0'),
    impact: refineWith(numberSchema, check('riceImpact'), `must be one of ${riceImpacts.join(', ')}`),
    confidence: percentSchema,
    effort: numberSchema.positive('must be greater than 0'),
    /** IT's view while the initiative is proposed: feasibility, effort and risk before approval. */
    itFeasibility: z.enum(['low', 'medium', 'high'], { message: 'must be low, medium or high' }).optional(),
    itEffortWeeks: numberSchema.nonnegative('must be at least 0').optional(),
    itRisk: z.enum(['low', 'medium', 'high'], { message: 'must be low, medium or high' }).optional(),
    /** The idea it was promoted from, when it was. */
    originIdeaKey: keySchema('idea').optional(),
  }),
  'initiative',
);

/** Cross-functional work with an IT owner and a business sponsor. */
export type Initiative = z.infer<typeof initiativeSchema>;

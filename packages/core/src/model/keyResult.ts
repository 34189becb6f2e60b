import { z } from 'zod';
import { idSchema, keySchema, numberSchema, personRefSchema, titleSchema } from './common.js';
import { keyResultDirections } from './vocabulary.js';

/** A measurable result of an objective, from `startValue` towards `targetValue`. */
export const keyResultSchema = z.object({
  id: idSchema,
  key: keySchema('keyResult'),
  objectiveKey: keySchema('objective'),
  title: titleSchema,
  metric: titleSchema,
  unit: z.string({ invalid_type_error: 'must be a string' }).max(40, 'must be at most 40 characters'),
  direction: z.enum(keyResultDirections, { message: `must be one of ${keyResultDirections.join(', ')}` }),
  startValue: numberSchema,
  targetValue: numberSchema,
  currentValue: numberSchema,
  /** Its weight in the objective's progress (relative to the other key results). */
  weight: numberSchema.positive('must be greater than 0').max(100, 'must be at most 100'),
  owner: personRefSchema.optional(),
});

/** A measurable result of an objective. */
export type KeyResult = z.infer<typeof keyResultSchema>;

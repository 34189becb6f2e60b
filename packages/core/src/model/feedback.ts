import { z } from 'zod';
import { anyKeySchema, idSchema, personRefSchema, textSchema, timestampSchema } from './common.js';

/** A stakeholder's satisfaction score (CSAT, 1–5) on a service or initiative. */
export const feedbackSchema = z.object({
  id: idSchema,
  targetKey: anyKeySchema,
  author: personRefSchema,
  at: timestampSchema,
  score: z
    .number({ invalid_type_error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be from 1 to 5')
    .max(5, 'must be from 1 to 5'),
  comment: textSchema.optional(),
});

/** A stakeholder's satisfaction score. */
export type Feedback = z.infer<typeof feedbackSchema>;

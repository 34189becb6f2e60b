import { z } from 'zod';
import { anyKeySchema, idSchema, percentSchema, personRefSchema, textSchema, timestampSchema } from './common.js';
import { healthStatuses } from './vocabulary.js';

/** An owner's periodic word on an objective, key result or initiative. */
export const checkInSchema = z.object({
  id: idSchema,
  targetKey: anyKeySchema,
  author: personRefSchema,
  at: timestampSchema,
  status: z.enum(healthStatuses, { message: 'must be onTrack, atRisk or offTrack' }),
  /** Progress the author reports, 0–100, when they give one. */
  progress: percentSchema.optional(),
  note: textSchema,
});

/** An owner's periodic check-in. */
export type CheckIn = z.infer<typeof checkInSchema>;

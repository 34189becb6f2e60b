import { z } from 'zod';
import { idSchema, keySchema, personRefSchema, textSchema, timestampSchema, titleSchema, withRules } from './common.js';
import { ideaStatuses } from './vocabulary.js';

/** An idea in the backlog anyone can add to and vote on; promotable to an initiative. */
export const ideaSchema = withRules(
  z.object({
    id: idSchema,
    key: keySchema('idea'),
    title: titleSchema,
    description: textSchema.optional(),
    author: personRefSchema,
    createdAt: timestampSchema,
    status: z.enum(ideaStatuses, { message: `must be one of ${ideaStatuses.join(', ')}` }),
    /** Emails of the people who voted, once each. */
    voterEmails: z.array(z.string({ invalid_type_error: 'must be a string' }).email('must be an email address'), {
      invalid_type_error: 'must be a list of emails',
    }),
    promotedInitiativeKey: keySchema('initiative').optional(),
  }),
  'idea',
);

/** An idea in the backlog. */
export type Idea = z.infer<typeof ideaSchema>;

import { z } from 'zod';
import { idSchema, keySchema, personRefSchema, textSchema, timestampSchema, titleSchema } from './common.js';

/** Where an idea stands. */
export const ideaStatuses = ['open', 'underReview', 'promoted', 'declined'] as const;

/** An idea in the backlog anyone can add to and vote on; promotable to an initiative. */
export const ideaSchema = z
  .object({
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
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.voterEmails.forEach((email, i) => {
      const normal = email.toLowerCase();
      if (seen.has(normal))
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['voterEmails', i], message: 'votes twice' });
      seen.add(normal);
    });
    if (value.status === 'promoted' && value.promotedInitiativeKey === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['promotedInitiativeKey'],
        message: 'is required once promoted',
      });
    }
  });

/** An idea in the backlog. */
export type Idea = z.infer<typeof ideaSchema>;

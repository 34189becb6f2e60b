import { z } from 'zod';
import { anyKeySchema, idSchema, personRefSchema, timestampSchema, titleSchema, urlSchema } from './common.js';
import { linkKinds } from './vocabulary.js';

/**
 * A commit, pull request, meeting, email, work item or document tied to a key.
 * `externalId` identifies it where it lives: the commit SHA, the event id, the internetMessageId, the item URL.
 */
export const linkSchema = z.object({
  id: idSchema,
  kind: z.enum(linkKinds, { message: `must be one of ${linkKinds.join(', ')}` }),
  targetKey: anyKeySchema,
  externalId: titleSchema,
  url: urlSchema.optional(),
  title: titleSchema,
  linkedBy: personRefSchema,
  linkedAt: timestampSchema,
  /** Commits and pull requests: the repository's URL. */
  repository: urlSchema.optional(),
  /** Commits: the full SHA. */
  sha: z
    .string({ invalid_type_error: 'must be a string' })
    .regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, 'must be a full hex commit SHA')
    .optional(),
  /** Who wrote the commit or email, or organised the meeting. */
  author: personRefSchema.optional(),
  /** When the commit, email or meeting happened (not when it was linked). */
  occurredAt: timestampSchema.optional(),
  /** Meetings: a knowledge session (people teaching each other), listed with the objective it serves. */
  learning: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
});

/** A link from outside Tandem to a key. */
export type Link = z.infer<typeof linkSchema>;

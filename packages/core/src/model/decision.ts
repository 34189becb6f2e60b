import { z } from 'zod';
import {
  anyKeySchema,
  idSchema,
  isoDateSchema,
  keySchema,
  personRefSchema,
  textSchema,
  timestampSchema,
  titleSchema,
  urlSchema,
} from './common.js';
import { approverSides, decisionStatuses } from './vocabulary.js';

/** One approver's vote. */
export const voteSchema = z.object({
  voter: personRefSchema,
  vote: z.enum(['approve', 'reject', 'abstain'], { message: 'must be approve, reject or abstain' }),
  at: timestampSchema,
});

/** One approver's vote on a decision. */
export type Vote = z.infer<typeof voteSchema>;

/** An approver beyond the named business and IT approvers, with the side they speak for. */
export const additionalApproverSchema = z.object({
  person: personRefSchema,
  side: z.enum(approverSides, { message: 'must be business or it' }),
});

/** An approver beyond the named business and IT approvers. */
export type AdditionalApprover = z.infer<typeof additionalApproverSchema>;

/** A decision taken jointly by business and IT, with the meeting it was taken in. */
export const decisionSchema = z.object({
  id: idSchema,
  key: keySchema('decision'),
  title: titleSchema,
  context: textSchema,
  decision: textSchema,
  status: z.enum(decisionStatuses, { message: `must be one of ${decisionStatuses.join(', ')}` }),
  businessApprover: personRefSchema,
  itApprover: personRefSchema,
  /** More approvers, when the site's quorum asks for more than one approval from a side. */
  additionalApprovers: z
    .array(additionalApproverSchema, { invalid_type_error: 'must be a list of approvers' })
    .optional(),
  votes: z.array(voteSchema, { invalid_type_error: 'must be a list of votes' }),
  decidedOn: isoDateSchema.optional(),
  meetingUrl: urlSchema.optional(),
  /** What the decision is about (objectives, initiatives, services). */
  relatedKeys: z.array(anyKeySchema, { invalid_type_error: 'must be a list of keys' }),
});

/** A decision in the shared decision log. */
export type Decision = z.infer<typeof decisionSchema>;

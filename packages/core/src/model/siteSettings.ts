import { z } from 'zod';
import { idSchema, numberSchema, personRefSchema, titleSchema, withRules } from './common.js';
import { governanceSides } from './vocabulary.js';

/** A person on the site's governance board, and the side they speak for. */
export const governanceMemberSchema = z.object({
  person: personRefSchema,
  side: z.enum(governanceSides, { message: 'must be business or it' }),
});

/** A member of a site's governance board. */
export type GovernanceMember = z.infer<typeof governanceMemberSchema>;

const quorum = numberSchema.int('must be a whole number').min(1, 'must be at least 1').max(20, 'must be at most 20');

/**
 * Settings of a Tandem site, chosen by its admins: how many business and IT approvals a decision needs
 * (at least one of each, so no decision passes without both sides), the Teams channel the weekly digest goes to,
 * and the governance members.
 */
export const siteSettingsSchema = withRules(
  z.object({
    id: idSchema,
    /** Approvals from business approvers a decision needs. */
    decisionQuorumBusiness: quorum,
    /** Approvals from IT approvers a decision needs. */
    decisionQuorumIt: quorum,
    /** The team and channel of the weekly digest (both or neither). */
    digestTeamId: titleSchema.optional(),
    digestChannelId: titleSchema.optional(),
    /**
     * Who may change scores, promote ideas and vote on decisions. Missing or empty (a new site, or one provisioned
     * before the list existed) means no list yet: whoever the host lets edit the site may.
     */
    governanceMembers: z
      .array(governanceMemberSchema, { invalid_type_error: 'must be a list of members' })
      .max(500, 'must have at most 500 members')
      .optional(),
  }),
  'siteSettings',
);

/** A site's settings. */
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

import { z } from 'zod';
import { idSchema, numberSchema, personRefSchema, titleSchema } from './common.js';

/** The one settings item of a site has this id, so every host reads and writes the same item. */
export const SITE_SETTINGS_ID = '7a4d0e55-5e77-4d1a-9f0c-000000000001';

/** The side a governance member speaks for. */
export const governanceSides = ['business', 'it'] as const;

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
export const siteSettingsSchema = z
  .object({
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
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.governanceMembers?.forEach((member, i) => {
      const email = member.person.email.toLowerCase();
      if (seen.has(email))
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['governanceMembers', i], message: 'is listed twice' });
      seen.add(email);
    });
    if ((value.digestTeamId === undefined) !== (value.digestChannelId === undefined)) {
      const path = value.digestTeamId === undefined ? 'digestTeamId' : 'digestChannelId';
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message: 'is required with the digest channel' });
    }
  });

/** A site's settings. */
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** The settings a site has before an admin changes anything: one approval from each side, no digest channel. */
export const defaultSiteSettings: SiteSettings = {
  id: SITE_SETTINGS_ID,
  decisionQuorumBusiness: 1,
  decisionQuorumIt: 1,
};

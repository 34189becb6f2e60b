import { z } from 'zod';
import { idSchema, numberSchema, titleSchema } from './common.js';

/** The one settings item of a site has this id, so every host reads and writes the same item. */
export const SITE_SETTINGS_ID = '7a4d0e55-5e77-4d1a-9f0c-000000000001';

const quorum = numberSchema.int('must be a whole number').min(1, 'must be at least 1').max(20, 'must be at most 20');

/**
 * Settings of a Tandem site, chosen by its admins: how many business and IT approvals a decision needs
 * (at least one of each, so no decision passes without both sides), and the Teams channel the weekly digest goes to.
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
  })
  .superRefine((value, ctx) => {
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

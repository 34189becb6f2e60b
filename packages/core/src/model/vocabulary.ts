/**
 * The words of Tandem's model that code outside the schemas uses as values: statuses, kinds, directions, sides and
 * fixed ids. They live apart from the zod schemas (which use them too), so that a page can name them without building
 * any schema as it starts.
 */
import type { SiteSettings } from './siteSettings.js';

/** Business priorities and IT capabilities/constraints sit in one tree. */
export const objectiveKinds = ['business', 'it'] as const;

/** Where an objective is in its planning cycle. */
export const objectiveStatuses = ['proposed', 'approved', 'active', 'achieved', 'dropped'] as const;

/** How a key result moves: up to a target, down to a target, or held above/below a threshold. */
export const keyResultDirections = ['increase', 'decrease', 'stayAbove', 'stayBelow'] as const;

/** The direction of a key result. */
export type KeyResultDirection = (typeof keyResultDirections)[number];

/** The life of an initiative. */
export const initiativeStatuses = ['proposed', 'planned', 'inProgress', 'done', 'cancelled'] as const;

/** The status of an initiative. */
export type InitiativeStatus = (typeof initiativeStatuses)[number];

/** RICE impact on its usual scale: minimal 0.25, low 0.5, medium 1, high 2, massive 3. */
export const riceImpacts = [0.25, 0.5, 1, 2, 3] as const;

/** Which way is good for a KPI. */
export const kpiDirections = ['higherIsBetter', 'lowerIsBetter'] as const;

/** Which way is good for a KPI. */
export type KpiDirection = (typeof kpiDirections)[number];

/** Where a decision stands. */
export const decisionStatuses = ['proposed', 'accepted', 'rejected', 'superseded'] as const;

/** Which side an approver speaks for. */
export const approverSides = ['business', 'it'] as const;

/** How the owner sees it. */
export const healthStatuses = ['onTrack', 'atRisk', 'offTrack'] as const;

/** On track, at risk or off track. */
export type HealthStatus = (typeof healthStatuses)[number];

/** Where an idea stands. */
export const ideaStatuses = ['open', 'underReview', 'promoted', 'declined'] as const;

/** What a link points at outside Tandem. */
export const linkKinds = ['commit', 'pullRequest', 'meeting', 'email', 'workItem', 'document'] as const;

/** What a link points at outside Tandem. */
export type LinkKind = (typeof linkKinds)[number];

/**
 * The kinds whose every change is kept in the audit trail (scores are initiative fields, so they are covered; the
 * site's settings hold the governance members, so changes to who may govern are covered too).
 */
export const auditedKinds = ['objective', 'initiative', 'decision', 'idea', 'siteSettings'] as const;

/** The `targetKey` of the site settings' entries, which have no key of their own: the trail reads it as a name. */
export const SETTINGS_TARGET_KEY = 'SETTINGS';

/** A kind whose changes are audited. */
export type AuditedKind = (typeof auditedKinds)[number];

/** What happened to the item. */
export const auditActions = ['create', 'update', 'delete'] as const;

/** The one settings item of a site has this id, so every host reads and writes the same item. */
export const SITE_SETTINGS_ID = '7a4d0e55-5e77-4d1a-9f0c-000000000001';

/** The side a governance member speaks for. */
export const governanceSides = ['business', 'it'] as const;

/** The settings a site has before an admin changes anything: one approval from each side, no digest channel. */
export const defaultSiteSettings: SiteSettings = {
  id: SITE_SETTINGS_ID,
  decisionQuorumBusiness: 1,
  decisionQuorumIt: 1,
};

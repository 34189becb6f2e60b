import type { PersonRef } from '../model/common.js';
import type { Initiative } from '../model/initiative.js';
import type { GovernanceMember, SiteSettings } from '../model/siteSettings.js';
import { GovernanceError } from './governanceError.js';

/** What only governance members may do. */
export type GovernedAction = 'changeScores' | 'promoteIdea' | 'voteOnDecision';

/** The WSJF and RICE inputs of an initiative: only governance members change them. */
export const SCORE_INPUT_FIELDS = [
  'businessValue',
  'timeCriticality',
  'riskReduction',
  'jobSize',
  'reach',
  'impact',
  'confidence',
  'effort',
] as const satisfies readonly (keyof Initiative)[];

const actionWords: Record<GovernedAction, string> = {
  changeScores: 'change scores',
  promoteIdea: 'promote ideas',
  voteOnDecision: 'approve decisions',
};

/** The site's governance members (empty when the site has none yet, including sites from before the list existed). */
export function governanceMembersOf(settings: Pick<SiteSettings, 'governanceMembers'> | undefined): GovernanceMember[] {
  return settings?.governanceMembers ?? [];
}

/** Where a person stands on a site's governance. */
export interface Membership {
  /** The site has no member list yet: whoever the host lets edit the site may act (how a first try works). */
  open: boolean;
  /** The person's entry in the list, when they are a member. */
  member: GovernanceMember | undefined;
  /** Whether the person may change scores, promote ideas and vote on decisions. */
  allowed: boolean;
}

/** Whether `person` is a governance member of the site (matched by email, in any case). */
export function membershipOf(
  settings: Pick<SiteSettings, 'governanceMembers'> | undefined,
  person: PersonRef,
): Membership {
  const members = governanceMembersOf(settings);
  const email = person.email.toLowerCase();
  const member = members.find((m) => m.person.email.toLowerCase() === email);
  return { open: members.length === 0, member, allowed: members.length === 0 || member !== undefined };
}

/** Why `action` is refused to a non-member, in words a user can act on ("Only governance members can change scores"). */
export function notMemberReason(action: GovernedAction): string {
  return `Only governance members can ${actionWords[action]}`;
}

/**
 * Refuses `action` on `key` to someone who is not a governance member of a site that has a member list, with a
 * `GovernanceError` (`notGovernanceMember`, naming `field`). A site without a list refuses nobody.
 */
export function assertGovernanceMember(
  settings: Pick<SiteSettings, 'governanceMembers'> | undefined,
  person: PersonRef,
  action: GovernedAction,
  key: string,
  field: string,
): void {
  if (membershipOf(settings, person).allowed) return;
  throw new GovernanceError(
    'notGovernanceMember',
    field,
    `${notMemberReason(action)}: ${person.displayName} is not one, so ${key} was not changed`,
  );
}

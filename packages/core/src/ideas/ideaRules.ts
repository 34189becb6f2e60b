import { nextKey } from '../keys/entityKey.js';
import type { PersonRef } from '../model/common.js';
import type { Idea } from '../model/idea.js';
import type { Initiative } from '../model/initiative.js';
import { GovernanceError } from '../governance/governanceError.js';

/** The idea's voters after `voter` votes, or takes their vote back when they had voted (one vote per person). */
export function toggleIdeaVote(idea: Pick<Idea, 'voterEmails'>, voter: PersonRef): string[] {
  const email = voter.email.toLowerCase();
  return idea.voterEmails.some((e) => e.toLowerCase() === email)
    ? idea.voterEmails.filter((e) => e.toLowerCase() !== email)
    : [...idea.voterEmails, voter.email];
}

/** What a governance member decides when promoting an idea: who owns it, when, how it scores. */
export type PromotionPlan = Omit<
  Initiative,
  'id' | 'key' | 'title' | 'description' | 'status' | 'percentComplete' | 'originIdeaKey' | 'dependsOn'
> &
  Partial<Pick<Initiative, 'title' | 'description' | 'dependsOn'>>;

/** The result of promoting an idea: the new initiative and the change to the idea. */
export interface Promotion {
  initiative: Initiative;
  ideaPatch: Pick<Idea, 'status' | 'promotedInitiativeKey'>;
}

/**
 * Promotes `idea` to a proposed initiative keeping where it came from (the initiative's `originIdeaKey`, the idea's
 * `promotedInitiativeKey`); its title and description carry over unless the plan changes them. Only a governance
 * member may, and only once (`GovernanceError` `notGovernanceMember` / `alreadyPromoted`).
 */
export function promoteIdea(input: {
  idea: Idea;
  plan: PromotionPlan;
  by: { person: PersonRef; isGovernanceMember: boolean };
  /** Keys already taken, for the new initiative's key. */
  initiativeKeys: readonly string[];
  newId: string;
}): Promotion {
  const { idea, plan, by } = input;
  if (!by.isGovernanceMember)
    throw new GovernanceError('notGovernanceMember', 'status', `only governance members may promote ${idea.key}`);
  if (idea.status === 'promoted' || idea.promotedInitiativeKey !== undefined)
    throw new GovernanceError(
      'alreadyPromoted',
      'promotedInitiativeKey',
      `${idea.key} was already promoted to ${idea.promotedInitiativeKey ?? 'an initiative'}`,
    );
  const key = nextKey('initiative', input.initiativeKeys);
  const description = plan.description ?? idea.description;
  const initiative: Initiative = {
    ...plan,
    id: input.newId,
    key,
    title: plan.title ?? idea.title,
    ...(description !== undefined ? { description } : {}),
    dependsOn: plan.dependsOn ?? [],
    status: 'proposed',
    percentComplete: 0,
    originIdeaKey: idea.key,
  };
  return { initiative, ideaPatch: { status: 'promoted', promotedInitiativeKey: key } };
}

import type { PersonRef } from '../model/common.js';
import type { Decision, Vote } from '../model/decision.js';
import type { SiteSettings } from '../model/siteSettings.js';
import { GovernanceError } from './governanceError.js';

/** Approvals a decision needs from each side (each at least 1: no decision passes without both sides). */
export interface DecisionQuorum {
  business: number;
  it: number;
}

/** The quorum of a site's settings (one of each when the site has none). */
export function quorumOf(
  settings: Pick<SiteSettings, 'decisionQuorumBusiness' | 'decisionQuorumIt'> | undefined,
): DecisionQuorum {
  return {
    business: Math.max(1, settings?.decisionQuorumBusiness ?? 1),
    it: Math.max(1, settings?.decisionQuorumIt ?? 1),
  };
}

/** An approver and the side they speak for. */
export interface DecisionApprover {
  person: PersonRef;
  side: 'business' | 'it';
}

const same = (a: PersonRef, b: PersonRef) => a.email.toLowerCase() === b.email.toLowerCase();

/** Everyone who approves `decision`: the named business and IT approvers, then any additional ones (each person once per side). */
export function decisionApprovers(
  decision: Pick<Decision, 'businessApprover' | 'itApprover' | 'additionalApprovers'>,
): DecisionApprover[] {
  const all: DecisionApprover[] = [
    { person: decision.businessApprover, side: 'business' },
    { person: decision.itApprover, side: 'it' },
    ...(decision.additionalApprovers ?? []),
  ];
  return all.filter((a, i) => all.findIndex((b) => b.side === a.side && same(a.person, b.person)) === i);
}

/** The latest vote of `person` on `decision`. */
export function latestVote(decision: Pick<Decision, 'votes'>, person: PersonRef): Vote | undefined {
  for (let i = decision.votes.length - 1; i >= 0; i--)
    if (same(decision.votes[i]!.voter, person)) return decision.votes[i];
  return undefined;
}

/** How a decision's votes stand against the quorum. */
export interface DecisionTally {
  businessApprovals: number;
  itApprovals: number;
  /** An approver rejected it. */
  rejected: boolean;
  /** Both sides reached their quorum (and nobody rejected). */
  passes: boolean;
  /** Approvers who have not voted yet. */
  awaiting: DecisionApprover[];
}

/**
 * Counts approvers' latest votes by side. A decision passes only when each side reaches its quorum; a rejection by any
 * approver rejects it; votes of people who are not approvers are kept but decide nothing.
 */
export function tallyDecision(
  decision: Pick<Decision, 'businessApprover' | 'itApprover' | 'additionalApprovers' | 'votes'>,
  quorum: DecisionQuorum,
): DecisionTally {
  let businessApprovals = 0;
  let itApprovals = 0;
  let rejected = false;
  const awaiting: DecisionApprover[] = [];
  const counted = new Set<string>();
  for (const approver of decisionApprovers(decision)) {
    const vote = latestVote(decision, approver.person)?.vote;
    const id = `${approver.side}:${approver.person.email.toLowerCase()}`;
    if (counted.has(id)) continue;
    counted.add(id);
    if (vote === 'approve') {
      if (approver.side === 'business') businessApprovals++;
      else itApprovals++;
    } else if (vote === 'reject') rejected = true;
    else if (vote === undefined) awaiting.push(approver);
  }
  const q = { business: Math.max(1, quorum.business), it: Math.max(1, quorum.it) };
  return {
    businessApprovals,
    itApprovals,
    rejected,
    passes: !rejected && businessApprovals >= q.business && itApprovals >= q.it,
    awaiting,
  };
}

/**
 * The decision after `voter` votes: their vote replaces any earlier one; it is accepted once both sides reach the
 * quorum, rejected when an approver rejects, and proposed otherwise (a later vote can reopen it).
 */
export function castVote(
  decision: Decision,
  voter: PersonRef,
  vote: Vote['vote'],
  at: Date,
  quorum: DecisionQuorum,
): Pick<Decision, 'votes' | 'status' | 'decidedOn'> {
  const votes = [...decision.votes.filter((v) => !same(v.voter, voter)), { voter, vote, at: at.toISOString() }];
  const tally = tallyDecision({ ...decision, votes }, quorum);
  const day = at.toISOString().slice(0, 10);
  if (tally.rejected) return { votes, status: 'rejected', decidedOn: day };
  if (tally.passes) return { votes, status: 'accepted', decidedOn: day };
  return { votes, status: 'proposed', decidedOn: undefined };
}

/**
 * Refuses a decision that is (or is made) accepted without both sides' quorum, with a `GovernanceError`
 * (`quorumNotMet`, field `status`) that says what is missing.
 */
export function assertDecisionMayPass(decision: Decision, quorum: DecisionQuorum): void {
  if (decision.status !== 'accepted') return;
  const tally = tallyDecision(decision, quorum);
  if (tally.passes) return;
  const missing: string[] = [];
  if (tally.businessApprovals < quorum.business)
    missing.push(`${quorum.business - tally.businessApprovals} more business approval(s)`);
  if (tally.itApprovals < quorum.it) missing.push(`${quorum.it - tally.itApprovals} more IT approval(s)`);
  if (tally.rejected) missing.push('no rejection from an approver');
  throw new GovernanceError(
    'quorumNotMet',
    'status',
    `${decision.key} cannot be accepted: it needs ${missing.join(' and ')}`,
  );
}

import type { Decision, PersonRef, Vote } from '@tandem/core';

/** The approver roles a decision needs: one from the business, one from IT. */
export type ApproverRole = 'business' | 'it';

/** The roles `person` holds on `decision` (none, one or both). */
export function approverRoles(decision: Decision, person: PersonRef): ApproverRole[] {
  const email = person.email.toLowerCase();
  const roles: ApproverRole[] = [];
  if (decision.businessApprover.email.toLowerCase() === email) roles.push('business');
  if (decision.itApprover.email.toLowerCase() === email) roles.push('it');
  return roles;
}

/** The latest vote of `person`, if any. */
export function voteOf(decision: Decision, person: PersonRef): Vote | undefined {
  const email = person.email.toLowerCase();
  return [...decision.votes].reverse().find((v) => v.voter.email.toLowerCase() === email);
}

/**
 * The decision after `voter` votes: their vote replaces any earlier one; a rejection by an approver rejects it;
 * approval by both the business and the IT approver accepts it (on `today`). Anyone else's vote is recorded but decides nothing.
 */
export function withVote(
  decision: Decision,
  voter: PersonRef,
  vote: Vote['vote'],
  at: Date,
): Pick<Decision, 'votes' | 'status' | 'decidedOn'> {
  const email = voter.email.toLowerCase();
  const votes = [
    ...decision.votes.filter((v) => v.voter.email.toLowerCase() !== email),
    { voter, vote, at: at.toISOString() },
  ];
  const next = { ...decision, votes };
  const business = voteOf(next, decision.businessApprover)?.vote;
  const it = voteOf(next, decision.itApprover)?.vote;
  if (business === 'reject' || it === 'reject')
    return { votes, status: 'rejected', decidedOn: at.toISOString().slice(0, 10) };
  if (business === 'approve' && it === 'approve')
    return { votes, status: 'accepted', decidedOn: at.toISOString().slice(0, 10) };
  return { votes, status: 'proposed', decidedOn: undefined };
}

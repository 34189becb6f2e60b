import assert from 'node:assert/strict';
import { aDecision, aPerson } from '../../testing/builders.js';
import { approverRoles, withVote } from '../decisionOutcome.js';

describe('decision votes', () => {
  const business = aPerson('Ada Lovelace');
  const itLead = aPerson('Grace Hopper');
  const at = new Date('2026-05-15T12:00:00Z');

  it('needs both the business and the IT approver to accept', () => {
    const decision = aDecision({ businessApprover: business, itApprover: itLead });
    const afterBusiness = withVote(decision, business, 'approve', at);
    assert.equal(afterBusiness.status, 'proposed');
    const afterBoth = withVote({ ...decision, ...afterBusiness }, itLead, 'approve', at);
    assert.equal(afterBoth.status, 'accepted');
    assert.equal(afterBoth.decidedOn, '2026-05-15');
  });

  it('is rejected by either approver, and a later vote replaces an earlier one', () => {
    const decision = aDecision({ businessApprover: business, itApprover: itLead });
    const rejected = withVote(decision, itLead, 'reject', at);
    assert.equal(rejected.status, 'rejected');
    const changed = withVote({ ...decision, ...rejected }, itLead, 'approve', at);
    assert.equal(changed.votes.length, 1);
    assert.equal(changed.status, 'proposed');
  });

  it('records a bystander’s vote without deciding', () => {
    const decision = aDecision({ businessApprover: business, itApprover: itLead });
    const result = withVote(decision, aPerson('Someone Else'), 'reject', at);
    assert.equal(result.status, 'proposed');
    assert.deepEqual(approverRoles(decision, business), ['business']);
    assert.deepEqual(approverRoles(decision, aPerson('Someone Else')), []);
  });
});

import { strict as assert } from 'node:assert';
import {
  castVote,
  defaultSiteSettings,
  GovernanceError,
  governedStore,
  missingItAssessment,
  tallyDecision,
  type Decision,
} from '@tandem/core';
import { adele, build, lee, megan, nestor } from '../../checkins/__tests__/portfolioBuilder.js';
import { tinyStore } from '../../audit/__tests__/tinyStore.js';

const at = new Date('2026-03-20T12:00:00Z');
const proposed = (): Decision =>
  build('decision', {
    status: 'proposed',
    decidedOn: undefined,
    votes: [],
    businessApprover: adele,
    itApprover: megan,
  });

describe('decision governance', () => {
  it('cannot pass without both sides', () => {
    const one = { business: 1, it: 1 };
    const businessOnly = castVote(proposed(), adele, 'approve', at, one);
    assert.equal(businessOnly.status, 'proposed');
    const both = castVote({ ...proposed(), ...businessOnly }, megan, 'approve', at, one);
    assert.equal(both.status, 'accepted');
    assert.equal(both.decidedOn, '2026-03-20');
  });

  it('needs the site’s quorum from each side, and any approver may reject', () => {
    const quorum = { business: 2, it: 1 };
    let d: Decision = { ...proposed(), additionalApprovers: [{ person: nestor, side: 'business' }] };
    d = { ...d, ...castVote(d, adele, 'approve', at, quorum) };
    d = { ...d, ...castVote(d, megan, 'approve', at, quorum) };
    assert.equal(d.status, 'proposed');
    assert.deepEqual(
      tallyDecision(d, quorum).awaiting.map((a) => a.person.email),
      [nestor.email],
    );
    // Someone who is no approver is recorded but does not count.
    d = { ...d, ...castVote(d, lee, 'approve', at, quorum) };
    assert.equal(d.status, 'proposed');
    assert.equal(d.votes.length, 3);
    assert.equal(castVote(d, nestor, 'approve', at, quorum).status, 'accepted');
    assert.equal(castVote(d, nestor, 'reject', at, quorum).status, 'rejected');
  });

  it('is enforced on every write by governedStore, with the quorum from the site settings', async () => {
    const inner = tinyStore();
    const store = governedStore(inner);
    await inner.create('siteSettings', { ...defaultSiteSettings, decisionQuorumIt: 2 });
    const saved = await store.create('decision', { ...proposed(), additionalApprovers: [{ person: lee, side: 'it' }] });
    const votes = [
      { voter: adele, vote: 'approve' as const, at: at.toISOString() },
      { voter: megan, vote: 'approve' as const, at: at.toISOString() },
    ];
    await assert.rejects(
      store.update('decision', saved.value.id, { status: 'accepted', votes, decidedOn: '2026-03-20' }, saved.etag),
      (e: unknown) => e instanceof GovernanceError && e.code === 'quorumNotMet' && /1 more IT approval/.test(e.message),
    );
    assert.equal((await inner.get('decision', saved.value.id))!.value.status, 'proposed');
    const all = [...votes, { voter: lee, vote: 'approve' as const, at: at.toISOString() }];
    const ok = await store.update(
      'decision',
      saved.value.id,
      { status: 'accepted', votes: all, decidedOn: '2026-03-20' },
      saved.etag,
    );
    assert.equal(ok.value.status, 'accepted');
    await assert.rejects(
      store.create('decision', { ...build('decision', { key: 'DEC-8' }), votes: [] }),
      GovernanceError,
    );
  });
});

describe('planning approval', () => {
  it('refuses to approve a proposed objective or initiative until IT assessed it', async () => {
    const inner = tinyStore();
    const store = governedStore(inner);
    const objective = await store.create('objective', build('objective', { key: 'OBJ-3', status: 'proposed' }));
    assert.deepEqual(missingItAssessment(objective.value), ['itFeasibility', 'itEffortWeeks', 'itRisk']);
    await assert.rejects(store.update('objective', objective.value.id, { status: 'approved' }, objective.etag), {
      code: 'assessmentMissing',
      field: 'itFeasibility',
    });
    const assessed = await store.update(
      'objective',
      objective.value.id,
      { itFeasibility: 'high', itEffortWeeks: 6, itRisk: 'low' },
      objective.etag,
    );
    assert.equal(
      (await store.update('objective', objective.value.id, { status: 'approved' }, assessed.etag)).value.status,
      'approved',
    );

    const initiative = await store.create(
      'initiative',
      build('initiative', { key: 'INI-9', status: 'proposed', itFeasibility: 'medium' }),
    );
    await assert.rejects(store.update('initiative', initiative.value.id, { status: 'planned' }, initiative.etag), {
      code: 'assessmentMissing',
      field: 'itEffortWeeks',
    });
    // Cancelling needs no assessment.
    await store.update('initiative', initiative.value.id, { status: 'cancelled' }, initiative.etag);
  });
});

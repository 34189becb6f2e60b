import { strict as assert } from 'node:assert';
import { auditedStore, GovernanceError, promoteIdea, toggleIdeaVote, validateEntity } from '@tandem/core';
import { adele, build, megan, testId } from '../../checkins/__tests__/portfolioBuilder.js';
import { tinyStore } from '../../audit/__tests__/tinyStore.js';

const plan = () => {
  const {
    id: _id,
    key: _key,
    title: _t,
    status: _s,
    percentComplete: _p,
    dependsOn: _d,
    description: _desc,
    ...rest
  } = build('initiative');
  return rest;
};

describe('ideas', () => {
  it('lets each person vote once and take it back', () => {
    const idea = build('idea', { voterEmails: ['megan@contoso.test'] });
    assert.deepEqual(toggleIdeaVote(idea, adele), ['megan@contoso.test', 'adele@contoso.test']);
    assert.deepEqual(toggleIdeaVote(idea, { ...megan, email: 'MEGAN@contoso.test' }), []);
  });

  it('is promoted by a governance member to a proposed initiative that keeps its history', async () => {
    const inner = tinyStore();
    const store = auditedStore(inner, adele, { now: () => new Date('2026-03-20T12:00:00Z') }, testId);
    const idea = await store.create(
      'idea',
      build('idea', { key: 'IDEA-3', title: 'Lockers', description: 'Pick up 24/7' }),
    );
    const { initiative, ideaPatch } = promoteIdea({
      idea: idea.value,
      plan: plan(),
      by: { person: adele, isGovernanceMember: true },
      initiativeKeys: ['INI-1', 'INI-7'],
      newId: testId(),
    });
    assert.equal(initiative.key, 'INI-8');
    assert.equal(initiative.originIdeaKey, 'IDEA-3');
    assert.equal(initiative.title, 'Lockers');
    assert.equal(initiative.status, 'proposed');
    validateEntity('initiative', initiative);
    await store.create('initiative', initiative);
    await store.update('idea', idea.value.id, ideaPatch, idea.etag);
    assert.equal((await inner.get('idea', idea.value.id))!.value.promotedInitiativeKey, 'INI-8');
    const trail = inner.all('auditEntry').map((e) => [e.targetKey, e.action, e.field ?? '']);
    assert.deepEqual(trail, [
      ['IDEA-3', 'create', ''],
      ['INI-8', 'create', ''],
      ['IDEA-3', 'update', 'promotedInitiativeKey'],
      ['IDEA-3', 'update', 'status'],
    ]);
  });

  it('refuses promotion by anyone else, and a second promotion', () => {
    const idea = build('idea');
    const input = { idea, plan: plan(), initiativeKeys: [], newId: testId() };
    assert.throws(() => promoteIdea({ ...input, by: { person: megan, isGovernanceMember: false } }), {
      code: 'notGovernanceMember',
    });
    const promoted = { ...idea, status: 'promoted' as const, promotedInitiativeKey: 'INI-2' };
    assert.throws(
      () => promoteIdea({ ...input, idea: promoted, by: { person: adele, isGovernanceMember: true } }),
      (e: unknown) => e instanceof GovernanceError && e.code === 'alreadyPromoted',
    );
  });
});

import { strict as assert } from 'node:assert';
import { auditedStore } from '@tandem/core';
import { adele, build, testId } from '../../checkins/__tests__/portfolioBuilder.js';
import { tinyStore } from './tinyStore.js';

const clock = { now: () => new Date('2026-03-20T12:00:00Z') };

describe('auditedStore', () => {
  it('records who changed which field of an initiative, with the values before and after', async () => {
    const inner = tinyStore();
    const store = auditedStore(inner, adele, clock, testId);
    const created = await store.create('initiative', build('initiative', { key: 'INI-4', businessValue: 8 }));
    const updated = await store.update('initiative', created.value.id, { businessValue: 13, jobSize: 5 }, created.etag);
    const trail = inner.all('auditEntry');
    assert.deepEqual(
      trail.map((e) => [e.action, e.targetKey, e.field, e.before, e.after]),
      [
        ['create', 'INI-4', undefined, undefined, JSON.stringify(created.value)],
        ['update', 'INI-4', 'businessValue', '8', '13'],
        ['update', 'INI-4', 'jobSize', '8', '5'],
      ],
    );
    assert.ok(trail.every((e) => e.changedBy.email === adele.email && e.at === '2026-03-20T12:00:00.000Z'));
    await store.delete('initiative', updated.value.id, updated.etag);
    assert.equal(inner.all('auditEntry').at(-1)!.action, 'delete');
  });

  it('keeps no entry for a failed write, a retried create, or kinds outside the trail', async () => {
    const inner = tinyStore();
    const store = auditedStore(inner, adele, clock, testId);
    const decision = build('decision', { key: 'DEC-9' });
    const saved = await store.create('decision', decision);
    await store.create('decision', decision);
    await assert.rejects(store.update('decision', saved.value.id, { title: 'New' }, '"stale"'), { code: 'conflict' });
    await store.create('checkIn', build('checkIn'));
    assert.equal(inner.all('auditEntry').length, 1);
  });
});

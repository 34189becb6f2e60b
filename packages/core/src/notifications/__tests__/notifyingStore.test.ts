import { strict as assert } from 'node:assert';
import { notifyingStore, type TandemNotification } from '@tandem/core';
import { build, lee, megan, nestor } from '../../checkins/__tests__/portfolioBuilder.js';
import { tinyStore } from '../../audit/__tests__/tinyStore.js';

const clock = { now: () => new Date('2026-03-20T12:00:00Z') };

describe('notifyingStore', () => {
  it('sends what each write calls for, once, never to the one who made it', async () => {
    const inner = tinyStore();
    const sent: TandemNotification[][] = [];
    const store = notifyingStore(inner, { clock, actor: megan, send: async (n) => void sent.push(n) });
    const link = build('link', {
      kind: 'email',
      author: nestor,
      linkedBy: megan,
      sha: undefined,
      repository: undefined,
    });
    await store.create('link', link);
    await store.create('link', link); // a retried create changes nothing
    await store.create('link', {
      ...build('link', { kind: 'meeting', sha: undefined, repository: undefined }),
      author: megan,
    });
    const decision = await store.create(
      'decision',
      build('decision', {
        status: 'proposed',
        votes: [],
        decidedOn: undefined,
        businessApprover: megan,
        itApprover: lee,
      }),
    );
    await store.update('decision', decision.value.id, { title: 'Renamed' }, decision.etag);
    assert.deepEqual(
      sent.map((batch) => batch.map((n) => [n.recipient.email, n.activityType])),
      [[['nestor@contoso.test', 'itemLinked']], [['lee@contoso.test', 'decisionAwaitsApproval']]],
    );
  });

  it('keeps the write when sending fails, and reports the failure', async () => {
    const failures: unknown[] = [];
    const store = notifyingStore(tinyStore(), {
      clock,
      send: async () => {
        throw new Error('Teams said no');
      },
      onSendError: (e) => failures.push(e),
    });
    const saved = await store.create(
      'link',
      build('link', { kind: 'email', author: nestor, linkedBy: megan, sha: undefined, repository: undefined }),
    );
    assert.equal(saved.value.kind, 'email');
    assert.equal(failures.length, 1);
  });
});

import assert from 'node:assert/strict';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { provisionedSite } from '../../__tests__/site.js';
import { aLink } from '../../__tests__/builders.js';
import { GraphStore } from '../../store/graphStore.js';
import type { SiteLists } from '../../store/listPaths.js';
import { MemoryCacheStorage } from '../../sync/cacheStorage.js';
import { KeepingStore } from '../keepingStore.js';
import { Outbox } from '../outbox.js';
import { unreachableStore } from '../unreachableStore.js';

describe('KeepingStore: batches while Graph answers, the outbox from the first retryable failure', () => {
  let graph: LocalGraph;
  let lists: SiteLists;
  before(async () => {
    graph = await startLocalGraph();
    lists = await provisionedSite(graph.client());
  });
  after(() => graph.close());
  afterEach(() => graph.clearFaults());

  const links = async (ids: string[]) => {
    const stored = await new GraphStore(graph.client(), lists).query('link');
    return stored.filter((s) => ids.includes(s.value.id));
  };

  it('sends the first batch, keeps the rest once Graph is unavailable, and the replay lands each exactly once', async () => {
    const storage = new MemoryCacheStorage();
    const store = new GraphStore(graph.client({ retry: { maxRetries: 1 } }), lists);
    const outbox = new Outbox(store, { storage, isOffline: () => keeping.keepingAll() });
    const keeping = new KeepingStore(store, outbox, store);
    const batch1 = [aLink('INI-1'), aLink('INI-2')];
    const batch2 = [aLink('INI-3'), aLink('INI-4')];
    await keeping.createMany('link', batch1);
    await graph.faults({ match: '/v1.0', status: 503, retryAfter: 0 });
    await keeping.createMany('link', batch2);
    await keeping.createMany('link', batch2); // the same links again (a re-run): kept once
    assert.deepEqual(keeping.counts, { sent: 2, kept: 4 });
    assert.equal(keeping.keepingAll(), true);
    assert.deepEqual(
      (await outbox.pending()).map((e) => (e.write.op === 'create' ? e.write.value.id : '')),
      batch2.map((l) => l.id),
    );

    await graph.clearFaults();
    const replay = new Outbox(new GraphStore(graph.client(), lists), { storage });
    assert.deepEqual(await replay.flush(), { sent: 2, pending: 0, failed: 0 });
    const all = [...batch1, ...batch2].map((l) => l.id);
    const stored = await links(all);
    assert.deepEqual(stored.map((s) => s.value.id).sort(), [...all].sort(), 'each link exactly once');
  });

  it('keeps everything without trying when the store was unreachable from the start, and rejects other failures', async () => {
    const cause = new Error('connect ECONNREFUSED');
    const outbox = new Outbox(unreachableStore(cause), { isOffline: () => true });
    const keeping = new KeepingStore(undefined, outbox, unreachableStore(cause));
    await keeping.createMany('link', [aLink('INI-1')]);
    assert.deepEqual(keeping.counts, { sent: 0, kept: 1 });
    await assert.rejects(keeping.query('link'), /ECONNREFUSED/);

    const store = new GraphStore(graph.client(), lists);
    const strict = new KeepingStore(store, new Outbox(store), store);
    await assert.rejects(strict.createMany('link', [{ ...aLink('INI-1'), title: '' }]));
    assert.equal(strict.keepingAll(), false, 'a validation error is not a reason to keep');
  });
});

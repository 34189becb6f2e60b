import assert from 'node:assert/strict';
import type { StoreChange } from '@tandem/core';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { provisionedSite } from '../../__tests__/site.js';
import { anObjective } from '../../__tests__/builders.js';
import { GraphStore } from '../../store/graphStore.js';
import type { SiteLists } from '../../store/listPaths.js';
import { PortfolioCache } from '../portfolioCache.js';
import { SyncedStore } from '../syncedStore.js';

describe('SyncedStore (reads from the delta cache, writes through Graph)', () => {
  let graph: LocalGraph;
  let lists: SiteLists;
  before(async () => {
    graph = await startLocalGraph();
    lists = await provisionedSite(graph.client());
  });
  after(() => graph.close());

  const synced = () => {
    const store = new GraphStore(graph.client(), lists);
    return new SyncedStore(store, new PortfolioCache(store));
  };

  it('answers queries from the cache without a request, and shows its own and others’ writes', async () => {
    const writer = new GraphStore(graph.client(), lists);
    for (const [i, title] of ['b', 'a', 'c'].entries()) {
      await writer.create('objective', anObjective(300 + i, { title, parentKey: 'OBJ-9' }));
    }
    const store = synced();
    await store.ready();
    const changes: StoreChange[] = [];
    store.watch((c) => changes.push(c));

    await graph.resetStats();
    const sorted = await store.query('objective', {
      where: { parentKey: 'OBJ-9' },
      orderBy: { field: 'title' },
      top: 2,
    });
    assert.deepEqual(
      sorted.map((s) => s.value.title),
      ['a', 'b'],
    );
    assert.equal((await store.getByKey('objective', 'OBJ-301'))?.value.title, 'a');
    assert.equal((await graph.stats()).requests, 0, 'served from the cache');

    const mine = await store.create('objective', anObjective(310, { parentKey: 'OBJ-9' }));
    assert.equal((await store.get('objective', mine.value.id))?.etag, mine.etag);
    const theirs = await writer.create('objective', anObjective(311, { parentKey: 'OBJ-9' }));
    assert.equal(await store.get('objective', theirs.value.id), undefined, 'not seen before a refresh');
    await store.cache.refresh();
    assert.ok(await store.get('objective', theirs.value.id));
    assert.deepEqual(
      changes.map((c) => c.id),
      [mine.value.id, theirs.value.id],
    );
  });
});

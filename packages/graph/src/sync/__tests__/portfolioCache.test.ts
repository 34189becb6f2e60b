import assert from 'node:assert/strict';
import { ENTITY_KINDS, type StoreChange, type ValidationError } from '@tandem/core';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { provisionedSite } from '../../__tests__/site.js';
import { anInitiative, anObjective } from '../../__tests__/builders.js';
import { GraphStore } from '../../store/graphStore.js';
import type { SiteLists } from '../../store/listPaths.js';
import { MemoryCacheStorage } from '../cacheStorage.js';
import { PortfolioCache } from '../portfolioCache.js';

describe('PortfolioCache (delta sync) against the local server', () => {
  let graph: LocalGraph;
  let lists: SiteLists;
  let n = 0;
  beforeEach(async () => {
    graph = await startLocalGraph();
    lists = await provisionedSite(graph.client());
  });
  afterEach(() => graph.close());

  const store = () => new GraphStore(graph.client(), lists);

  it('loads cold, then a warm refresh with no changes is one round trip of delta calls', async () => {
    const writer = store();
    for (let i = 0; i < 5; i++) await writer.create('objective', anObjective(++n));
    await writer.create('initiative', anInitiative(++n));
    const cache = new PortfolioCache(store());
    const cold = await cache.refresh();
    assert.equal(cache.list('objective').length, 5);
    assert.equal(cache.list('initiative').length, 1);
    assert.equal(cold.roundTrips, 1);

    await graph.resetStats();
    const warm = await cache.refresh();
    assert.deepEqual(warm, { roundTrips: 1, changes: 0, resynced: [] });
    const stats = await graph.stats();
    assert.equal(stats.requests, 1, 'one HTTP request');
    assert.equal(stats.batchedRequests, ENTITY_KINDS.length, 'one delta call per list inside it');
    assert.equal(stats.resourceUnits, ENTITY_KINDS.length, 'a delta call with a token costs 1 unit');
  });

  it('converges: two clients writing and deleting end with caches equal to the server', async () => {
    const a = store();
    const b = store();
    const cacheA = new PortfolioCache(a);
    const cacheB = new PortfolioCache(b);
    await cacheA.refresh();
    await cacheB.refresh();
    const created = [];
    for (let i = 0; i < 6; i++) created.push(await (i % 2 ? a : b).create('objective', anObjective(++n)));
    const first = created[0]!;
    const second = created[1]!;
    await a.update('objective', first.value.id, { title: 'renamed by a' }, first.etag);
    const fresh = await b.get('objective', second.value.id);
    await b.delete('objective', second.value.id, fresh!.etag);
    // A local write shows at once in the writer's cache.
    assert.equal(cacheA.get('objective', first.value.id)?.value.title, 'renamed by a');

    await cacheA.refresh();
    await cacheB.refresh();
    const server = (await store().query('objective')).map((s) => [s.value.id, s.etag, s.value] as const);
    const sorted = <T extends readonly [string, ...unknown[]]>(xs: T[]) =>
      [...xs].sort((x, y) => x[0].localeCompare(y[0]));
    for (const cache of [cacheA, cacheB]) {
      const cached = cache.list('objective').map((s) => [(s.value as { id: string }).id, s.etag, s.value] as const);
      assert.deepEqual(sorted(cached), sorted(server));
    }
    assert.equal(server.length, 5);
  });

  it('notifies watchers of remote changes and deletions', async () => {
    const cache = new PortfolioCache(store());
    await cache.refresh();
    const seen: StoreChange[] = [];
    cache.watch((c) => seen.push(c));
    const other = store();
    const o = await other.create('objective', anObjective(++n));
    await other.delete('objective', o.value.id, o.etag);
    const p = await other.create('objective', anObjective(++n));
    await cache.refresh();
    assert.deepEqual(
      seen.map((c) => [c.id, c.deleted ?? false]),
      [[p.value.id, false]],
      'a create-then-delete between two refreshes is no change; the other create is one',
    );
  });

  it('resyncs a list whose delta token expired (410) and drops what vanished', async () => {
    const writer = store();
    const keep = await writer.create('objective', anObjective(++n));
    const gone = await writer.create('objective', anObjective(++n));
    const cache = new PortfolioCache(store());
    await cache.refresh();
    await writer.delete('objective', gone.value.id, gone.etag);
    const res = await fetch(`${graph.server.origin}/_local/delta/expire`, { method: 'POST' });
    assert.ok(res.ok);
    const result = await cache.refresh();
    assert.ok(result.resynced.includes('objective'));
    assert.deepEqual(
      cache.list('objective').map((s) => (s.value as { id: string }).id),
      [keep.value.id],
    );
  });

  it('survives a restart through its storage: the next refresh only asks for changes', async () => {
    const storage = new MemoryCacheStorage();
    await store().create('objective', anObjective(++n));
    const first = new PortfolioCache(store(), { storage });
    await first.refresh();
    first.dispose();
    const second = new PortfolioCache(store(), { storage });
    assert.equal(await second.load(), true);
    assert.equal(second.list('objective').length, 1);
    await graph.resetStats();
    await second.refresh();
    assert.equal((await graph.stats()).resourceUnits, ENTITY_KINDS.length);
  });

  it('reports a malformed item and keeps it out of the cache', async () => {
    const client = graph.client();
    await client.post(`/sites/${lists.siteId}/lists/${lists.listIds.objective}/items`, {
      fields: { Title: 'no id', Key: 'OBJ-5000', Status: 'active' },
    });
    await store().create('objective', anObjective(++n));
    const invalid: ValidationError[] = [];
    const cache = new PortfolioCache(store(), { onInvalidItem: (_kind, e) => invalid.push(e) });
    await cache.refresh();
    assert.equal(cache.list('objective').length, 1);
    assert.equal(invalid.length, 1);
    assert.ok(invalid[0]!.issues.some((i) => i.path.startsWith('id')));
  });
});

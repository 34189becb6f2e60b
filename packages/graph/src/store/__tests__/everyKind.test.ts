import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ENTITY_KINDS, demoPortfolio, type EntityKind } from '@tandem/core';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { provisionedSite } from '../../__tests__/site.js';
import { PortfolioCache } from '../../sync/portfolioCache.js';
import { GraphStore } from '../graphStore.js';
import type { SiteLists } from '../listPaths.js';

const byId = (xs: { id: string }[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

describe('every entity kind round-trips through its SharePoint list', () => {
  let graph: LocalGraph;
  let lists: SiteLists;
  before(async () => {
    graph = await startLocalGraph();
    lists = await provisionedSite(graph.client());
  });
  after(() => graph.close());

  it('stores the demo portfolio with createMany and reads every kind back unchanged (store and cache)', async function () {
    this.timeout(60_000);
    const demo = demoPortfolio(new Date('2026-03-15T12:00:00Z'));
    const store = new GraphStore(graph.client(), lists);
    // Every kind the demo fills (all but the few the demo leaves empty, such as the audit trail).
    const kinds = ENTITY_KINDS.filter((kind) => ((demo[kind] as unknown[] | undefined) ?? []).length > 0);
    assert.ok(kinds.length >= 13, `the demo fills ${kinds.join(', ')}`);
    for (const kind of kinds) await store.createMany(kind, demo[kind] as never);
    const reader = new GraphStore(graph.client(), lists);
    const cache = new PortfolioCache(new GraphStore(graph.client(), lists));
    await cache.refresh();
    for (const kind of kinds) {
      const expected = byId(demo[kind] as { id: string }[]);
      const stored = (await reader.query(kind as EntityKind)).map((s) => s.value as { id: string });
      assert.deepEqual(byId(stored), expected, `${kind} through the store`);
      const cached = cache.list(kind).map((s) => s.value as { id: string });
      assert.deepEqual(byId(cached), expected, `${kind} through the cache`);
    }
  });

  it('createMany recovers from dropped batches without duplicates', async function () {
    this.timeout(60_000);
    const demo = demoPortfolio(new Date('2027-03-15T12:00:00Z'));
    const values = demo.glossaryTerm.map((g) => ({ ...g, id: randomUUID() }));
    await graph.faults({ match: '/$batch', reset: true, count: 2 });
    await graph.faults({ match: `/lists/${lists.listIds.glossaryTerm}/items`, method: 'POST', status: 503, rate: 0.3 });
    try {
      await new GraphStore(graph.client(), lists).createMany('glossaryTerm', values);
    } finally {
      await graph.clearFaults();
    }
    const all = await new GraphStore(graph.client(), lists).query('glossaryTerm');
    for (const value of values) {
      assert.equal(all.filter((s) => s.value.id === value.id).length, 1, value.businessTerm);
    }
  });
});

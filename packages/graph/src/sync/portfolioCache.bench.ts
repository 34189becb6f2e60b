// HTTP round trips and SharePoint resource units of keeping a portfolio cache fresh, counted by the local server,
// beside a naive client that re-reads every list in full each time. Run with `npm run bench -- graph/`.
import { compare, record } from '@tandem/tests/bench';
import { ENTITY_KINDS } from '@tandem/core';
import { startLocalGraph, type LocalGraph } from '../__tests__/localGraph.js';
import { provisionedSite } from '../__tests__/site.js';
import { aLink, anObjective } from '../__tests__/builders.js';
import type { GraphClient } from '../client/graphClient.js';
import { GraphStore } from '../store/graphStore.js';
import type { SiteLists } from '../store/listPaths.js';
import { PortfolioCache, defaultPollIntervalMs } from './portfolioCache.js';

const group = 'graph sync';
const tenantUnitsPerMinute = 1_200; // SharePoint's app budget for a tenant of 1,000 seats
const sizes = [100, 1_000, 10_000];

/** What a client without delta does: read every list in full (largest pages SharePoint allows), one request a page. */
async function naiveFullRead(client: GraphClient, store: GraphStore): Promise<number> {
  let items = 0;
  for (const kind of ENTITY_KINDS) {
    let next: string | undefined = `${store.listPaths.items(kind)}?$top=5000&${store.listPaths.expandFields(kind)}`;
    while (next) {
      const page: { value: unknown[]; '@odata.nextLink'?: string } = await client.get(next);
      items += page.value.length;
      next = page['@odata.nextLink'];
    }
  }
  return items;
}

async function counted(graph: LocalGraph, run: () => Promise<unknown>): Promise<{ requests: number; units: number }> {
  await graph.resetStats();
  await run();
  const stats = await graph.stats();
  return { requests: stats.requests, units: stats.resourceUnits };
}

async function seed(store: GraphStore, n: number): Promise<void> {
  // Half objectives, half links: a portfolio's biggest lists.
  const objectives = Array.from({ length: n / 2 }, (_, i) => anObjective(i + 1));
  const links = Array.from({ length: n / 2 }, (_, i) => aLink(`OBJ-${(i % (n / 2)) + 1}`));
  await store.createMany('objective', objectives);
  await store.createMany('link', links);
}

for (const n of sizes) {
  const graph = await startLocalGraph();
  try {
    const client = graph.client();
    const lists: SiteLists = await provisionedSite(client);
    const store = new GraphStore(client, lists);
    await seed(store, n);

    const cache = new PortfolioCache(new GraphStore(client, lists));
    const naiveCold = await counted(graph, () => naiveFullRead(client, store));
    const cold = await counted(graph, () => cache.refresh());
    if (cache.list('objective').length + cache.list('link').length !== n)
      throw new Error('the cache did not load everything');
    const naiveWarm = await counted(graph, () => naiveFullRead(client, store));
    const warm = await counted(graph, () => cache.refresh());

    const naive = { label: 'full re-read of every list' };
    record({
      group,
      name: `cold load, ${n} items: HTTP requests`,
      unit: 'requests',
      value: cold.requests,
      baseline: { ...naive, value: naiveCold.requests },
    });
    record({
      group,
      name: `cold load, ${n} items: resource units`,
      unit: 'RU',
      value: cold.units,
      baseline: { ...naive, value: naiveCold.units },
    });
    record({
      group,
      name: `warm refresh, no change, ${n} items: HTTP requests`,
      unit: 'requests',
      value: warm.requests,
      baseline: { ...naive, value: naiveWarm.requests },
      goal: '1 round trip',
    });
    record({
      group,
      name: `warm refresh, no change, ${n} items: resource units`,
      unit: 'RU',
      value: warm.units,
      baseline: { ...naive, value: naiveWarm.units },
    });

    if (n === 1_000) {
      // A warm refresh after ten edits elsewhere: still one round trip.
      const writer = new GraphStore(graph.client(), lists);
      const some = cache.list('objective').slice(0, 10);
      for (const s of some)
        await writer.update('objective', (s.value as { id: string }).id, { status: 'achieved' }, s.etag);
      const changed = await counted(graph, () => cache.refresh());
      record({
        group,
        name: `warm refresh, 10 changed, ${n} items: HTTP requests`,
        unit: 'requests',
        value: changed.requests,
        baseline: { ...naive, value: naiveWarm.requests },
      });

      // Clients a 1,000-seat tenant sustains, polling at the default interval (and at one minute).
      const perMinute = 60_000 / defaultPollIntervalMs;
      record({
        group,
        name: `clients polling every ${defaultPollIntervalMs / 1000} s (default) within 1,200 RU/min`,
        unit: 'clients',
        value: Math.floor(tenantUnitsPerMinute / (warm.units * perMinute)),
        baseline: {
          label: 'naive full re-read',
          value: Math.floor(tenantUnitsPerMinute / (naiveWarm.units * perMinute)),
        },
        note: `a warm refresh costs ${warm.units} RU (one delta call per list); ${ENTITY_KINDS.length} lists`,
      });
      record({
        group,
        name: 'clients polling every 60 s within 1,200 RU/min',
        unit: 'clients',
        value: Math.floor(tenantUnitsPerMinute / warm.units),
        baseline: { label: 'naive full re-read', value: Math.floor(tenantUnitsPerMinute / naiveWarm.units) },
      });
      const roadmapOnly = new PortfolioCache(new GraphStore(client, lists), { kinds: ['objective', 'initiative'] });
      await roadmapOnly.refresh();
      const roadmapWarm = await counted(graph, () => roadmapOnly.refresh());
      record({
        group,
        name: 'clients polling every 60 s, roadmap view (2 lists) within 1,200 RU/min',
        unit: 'clients',
        value: Math.floor(tenantUnitsPerMinute / roadmapWarm.units),
        baseline: { label: 'naive full re-read', value: Math.floor(tenantUnitsPerMinute / naiveWarm.units) },
      });

      await compare(
        group,
        `warm refresh time, ${n} items`,
        { label: 'naive full re-read', run: () => naiveFullRead(client, store) },
        { label: 'delta $batch', run: () => cache.refresh() },
        { runs: 5 },
      );
    }
  } finally {
    await graph.close();
  }
}

// What writes cost: a create looks its client id (and key) up before posting, so that a retry never duplicates.
{
  const graph = await startLocalGraph();
  try {
    const client = graph.client();
    const lists = await provisionedSite(client);
    const store = new GraphStore(client, lists);
    const bare = await counted(graph, () =>
      client.post(store.listPaths.items('objective'), { fields: { Title: 'bare', Key: 'OBJ-90000' } }),
    );
    const create = await counted(graph, () => store.create('objective', anObjective(90001)));
    record({
      group: 'graph writes',
      name: 'GraphStore.create: resource units',
      unit: 'RU',
      value: create.units,
      baseline: { label: 'a bare POST', value: bare.units },
      note: `${create.requests} requests: the id/key look-up, then the POST`,
    });
    const created = await store.create('objective', anObjective(90002));
    const update = await counted(graph, () =>
      store.update('objective', created.value.id, { status: 'achieved' }, created.etag),
    );
    record({
      group: 'graph writes',
      name: 'GraphStore.update (version known): resource units',
      unit: 'RU',
      value: update.units,
      baseline: { label: 'a bare PATCH', value: 2 },
      note: `${update.requests} request`,
    });
    const many = Array.from({ length: 100 }, (_, i) => anObjective(91000 + i));
    const batched = await counted(graph, () => store.createMany('objective', many));
    const single = Array.from({ length: 100 }, (_, i) => anObjective(92000 + i));
    const oneByOne = await counted(graph, async () => {
      for (const o of single) await store.create('objective', o);
    });
    record({
      group: 'graph writes',
      name: '100 creates with createMany ($batch of 20): HTTP requests',
      unit: 'requests',
      value: batched.requests,
      baseline: { label: '100 × create', value: oneByOne.requests },
    });
  } finally {
    await graph.close();
  }
}

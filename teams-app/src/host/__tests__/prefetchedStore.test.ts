import assert from 'node:assert/strict';
import type { Objective, Store } from '@tandem/core';
import { createGraphClient, GraphStore, localTokenProvider, provision, resolveSite } from '@tandem/graph';
import { startGraphLocal, type GraphLocalServer } from '@tandem/graph-local';
import { prefetchedStore } from '../prefetchedStore.js';

const objective = (n: number, title = `Objective ${n}`): Objective =>
  ({
    id: `30000000-0000-4000-8000-00000000000${n}`,
    key: `OBJ-${n}`,
    kind: 'business',
    title,
    owner: { email: 'adele@contoso.test', displayName: 'Adele Vance' },
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    status: 'active',
  }) as Objective;

describe('first-screen reads sent before the UI loads (prefetchedStore)', () => {
  let server: GraphLocalServer;
  let graphStore: GraphStore;
  /** The underlying store, counting the queries that reach it (each one a Graph read). */
  let store: Store;
  let reads: string[];
  before(async () => {
    server = await startGraphLocal({ port: 0, memory: true });
    const client = createGraphClient({
      baseUrl: server.url,
      tokenProvider: localTokenProvider(server.origin, 'adele@contoso.test'),
    });
    const site = await resolveSite(client, 'root');
    const lists = await provision(client, site.id);
    graphStore = new GraphStore(client, { siteId: site.id, listIds: lists.listIds });
    store = new Proxy(graphStore, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          if (property === 'query') reads.push(String(args[0]));
          return method.apply(target, args);
        };
      },
    });
    await graphStore.create('objective', objective(1));
  });
  after(() => server.close());
  beforeEach(() => (reads = []));

  it('sends the reads at once and hands them to the first identical query, which sends nothing', async () => {
    const prefetched = prefetchedStore(store, ['objective', 'initiative']).store;
    assert.equal(reads.length, 2, 'both reads are sent before anyone asks');
    const objectives = await prefetched.query('objective');
    assert.deepEqual(
      objectives.map((o) => o.value.key),
      ['OBJ-1'],
    );
    assert.equal(reads.length, 2, 'the first query took the answer already asked for');
    await prefetched.query('objective');
    assert.equal(reads.length, 3, 'a second query asks again');
    await prefetched.query('initiative', { top: 1 });
    assert.equal(reads.length, 4, 'a query with options is not the prefetched one');
  });

  it('drops an answer when the store reports a change to its kind before it is taken, so no change is missed', async () => {
    const prefetched: Store = prefetchedStore(store, ['objective']).store;
    await prefetched.create('objective', objective(2, 'Written while the UI loads'));
    const objectives = await prefetched.query('objective');
    assert.ok(
      objectives.some((o) => o.value.title === 'Written while the UI loads'),
      'the query was sent again after the change',
    );
    assert.equal(reads.length, 2);
  });

  it('passes a failed read to whoever takes it, and the next query tries again', async () => {
    const broken = new GraphStore(graphStore.client, {
      ...graphStore.lists,
      listIds: { ...graphStore.lists.listIds, objective: 'no-such-list' },
    });
    const prefetched = prefetchedStore(broken, ['objective']).store;
    await assert.rejects(prefetched.query('objective'));
    await assert.rejects(prefetched.query('objective'));
  });
});

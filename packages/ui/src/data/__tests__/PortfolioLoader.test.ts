import assert from 'node:assert/strict';
import { StoreError } from '@tandem/core';
import { PortfolioLoader } from '../PortfolioLoader.js';
import { FIRST_KINDS, hasLoaded, valuesOf } from '../portfolioSnapshot.js';
import { MemoryStore } from '../../testing/MemoryStore.js';
import { aDecision, anInitiative, anObjective } from '../../testing/builders.js';

function nextChange(loader: PortfolioLoader): Promise<void> {
  return new Promise((resolve) => {
    const stop = loader.subscribe(() => {
      stop();
      resolve();
    });
  });
}

describe('PortfolioLoader', () => {
  it('loads every kind once and follows the store’s changes', async () => {
    const store = new MemoryStore();
    await store.seed('objective', [anObjective()]);
    const loader = new PortfolioLoader(store);
    const ready = nextChange(loader);
    const stop = loader.subscribe(() => undefined);
    await ready;
    const first = loader.getSnapshot();
    assert.equal(first.status, 'ready');
    const queries = store.calls.query;
    await store.create('initiative', anInitiative());
    const after = loader.getSnapshot();
    assert.ok(after.status === 'ready' && first.status === 'ready');
    assert.equal(valuesOf(after.tables, 'initiative').length, 1);
    assert.equal(after.tables.objective, first.tables.objective, 'untouched kinds keep their identity');
    assert.equal(store.calls.query, queries, 'a change is applied without querying again');
    stop();
  });

  it('publishes the roadmap’s kinds as soon as they are in, then the rest, losing no change made meanwhile', async () => {
    const store = new MemoryStore();
    await store.seed('objective', [anObjective()]);
    // Hold back every kind the roadmap does not draw.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const query = store.query.bind(store);
    store.query = (async (kind: never, options?: never) => {
      if (!FIRST_KINDS.includes(kind)) await held;
      return query(kind, options);
    }) as typeof store.query;
    const loader = new PortfolioLoader(store);
    const firstPhase = nextChange(loader);
    const stop = loader.subscribe(() => undefined);
    await firstPhase;
    const partial = loader.getSnapshot();
    assert.ok(partial.status === 'ready');
    assert.ok(hasLoaded(partial, FIRST_KINDS));
    assert.ok(!hasLoaded(partial, ['decision']), 'the other kinds are still loading');
    assert.equal(valuesOf(partial.tables, 'objective').length, 1);

    await store.create('decision', aDecision());
    const complete = nextChange(loader);
    release();
    await complete;
    const all = loader.getSnapshot();
    assert.ok(all.status === 'ready' && hasLoaded(all, ['decision', 'kpi', 'link']));
    assert.equal(valuesOf(all.tables, 'decision').length, 1, 'the decision made while loading is there');
    stop();
  });

  it('reports an outage as an error and recovers on reload', async () => {
    const store = new MemoryStore();
    store.failWith(new StoreError('unavailable', 'the service is unavailable'));
    const loader = new PortfolioLoader(store);
    const failed = nextChange(loader);
    const stop = loader.subscribe(() => undefined);
    await failed;
    const snapshot = loader.getSnapshot();
    assert.equal(snapshot.status, 'error');
    store.failWith(undefined);
    await loader.reload();
    assert.equal(loader.getSnapshot().status, 'ready');
    stop();
  });
});

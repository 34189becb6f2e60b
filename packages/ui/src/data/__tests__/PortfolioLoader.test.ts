import assert from 'node:assert/strict';
import { StoreError } from '@tandem/core';
import { PortfolioLoader } from '../PortfolioLoader.js';
import { valuesOf } from '../portfolioSnapshot.js';
import { MemoryStore } from '../../testing/MemoryStore.js';
import { anInitiative, anObjective } from '../../testing/builders.js';

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

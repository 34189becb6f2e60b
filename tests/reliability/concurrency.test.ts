import assert from 'node:assert/strict';
import { ConflictError, type Initiative } from '@tandem/core';
import { GraphStore, MemoryCacheStorage, PortfolioCache, SyncedStore } from '@tandem/graph';
import { isFullRun, recordFigures } from './harness/figures.js';
import { startSuiteServer, type SuiteServer } from './harness/localServer.js';
import { etagVersion, initiative } from './harness/writers.js';

const clients = 10;
const editsPerClient = 100;
const sharedItems = 20;
/** The fields the clients edit, one a write, so that some edits merge and some collide. */
const fields = ['title', 'description', 'percentComplete'] as const;
type EditedField = (typeof fields)[number];

/** A small deterministic generator, so a failing run can be replayed. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface AppliedWrite {
  itemId: string;
  field: EditedField;
  value: string | number;
  version: number;
}

describe('reliability: 10 clients × 100 edits on 20 shared items', function () {
  this.timeout(600_000);
  let server: SuiteServer;
  let figures: Record<string, unknown> = {};
  before(async () => {
    server = await startSuiteServer();
  });
  after(async () => {
    await server.close();
    recordFigures(isFullRun() ? 'concurrency' : 'concurrency-short', figures);
  });

  it('lets exactly one of 10 clients creating the same key at the same instant win; the others hear of a conflict', async () => {
    const lists = await server.site();
    const template = initiative(500);
    const outcomes = await Promise.all(
      Array.from({ length: clients }, (_, c) =>
        new GraphStore(server.client(`user${c}@contoso.test`), lists)
          .create('initiative', { ...template, id: `70000000-0000-4000-8000-${String(c).padStart(12, '0')}` })
          .then(
            () => 'created',
            (error: unknown) => (error instanceof ConflictError ? 'conflict' : String(error)),
          ),
      ),
    );
    assert.deepEqual(outcomes.filter((o) => o === 'created').length, 1, outcomes.join(', '));
    assert.deepEqual(outcomes.filter((o) => o === 'conflict').length, clients - 1, outcomes.join(', '));
    const held = (await new GraphStore(server.client(), lists).query('initiative')).filter(
      (s) => s.value.key === 'INI-500',
    );
    assert.equal(held.length, 1);
    figures.sameKeyCreates = { clients, created: 1, conflicts: clients - 1, itemsWithTheKey: held.length };
  });

  it('applies, merges or reports every write, keeps the last applied value per field, and every cache converges', async () => {
    const lists = await server.site();
    const items = Array.from({ length: sharedItems }, (_, i) => initiative(i + 1));
    await new GraphStore(server.client(), lists).createMany('initiative', items);

    const hosts = Array.from({ length: clients }, (_, c) => {
      const graph = new GraphStore(server.client(`user${c}@contoso.test`), lists);
      const cache = new PortfolioCache(graph, { storage: new MemoryCacheStorage(), kinds: ['initiative'] });
      return { graph, cache, store: new SyncedStore(graph, cache) };
    });
    const counts = { applied: 0, merged: 0, conflicts: 0, failed: 0 };
    const reportedConflicts: string[] = [];
    const writes: AppliedWrite[] = [];
    const failures: string[] = [];

    await Promise.all(
      hosts.map(async ({ store, cache }, c) => {
        const random = generator(1000 + c);
        await store.ready();
        for (let e = 0; e < editsPerClient; e++) {
          if (e % 10 === 0) await cache.refresh(); // a host refreshes now and then (focus, polling)
          const item = items[Math.floor(random() * sharedItems)]!;
          const field = fields[Math.floor(random() * fields.length)]!;
          const value = field === 'percentComplete' ? Math.floor(random() * 101) : `client ${c} edit ${e}`;
          const shown = (await store.get('initiative', item.id))!;
          try {
            const stored = await store.update(
              'initiative',
              item.id,
              { [field]: value } as Partial<Initiative>,
              shown.etag,
            );
            const version = etagVersion(stored.etag);
            if (version === etagVersion(shown.etag) + 1) counts.applied++;
            else counts.merged++;
            writes.push({ itemId: item.id, field, value, version });
          } catch (error) {
            if (error instanceof ConflictError) {
              counts.conflicts++;
              reportedConflicts.push(error.message);
            } else {
              counts.failed++;
              failures.push(String(error));
            }
          }
        }
      }),
    );

    assert.deepEqual(failures, []);
    assert.equal(counts.applied + counts.merged + counts.conflicts, clients * editsPerClient);
    assert.ok(
      reportedConflicts.every((m) => /changed meanwhile/.test(m)),
      'each conflict names what happened',
    );

    // The server holds, per item and field, the value of the last write applied to it.
    const onServer = await new GraphStore(server.client(), lists).query('initiative');
    let fieldsChecked = 0;
    for (const item of items) {
      const current = onServer.find((s) => s.value.id === item.id)!;
      for (const field of fields) {
        const last = writes
          .filter((w) => w.itemId === item.id && w.field === field)
          .sort((a, b) => b.version - a.version)[0];
        if (!last) continue;
        fieldsChecked++;
        assert.equal(current.value[field], last.value, `${item.key}.${field}`);
      }
      // A write that found its value already there (an equal number) is merged without a new version.
      const versions = new Set(writes.filter((w) => w.itemId === item.id).map((w) => w.version)).size;
      assert.equal(etagVersion(current.etag), 1 + versions, `${item.key}: one version per applied or merged write`);
    }

    // After quiet, one refresh brings every client's cache to the server's state (delta convergence).
    const serverState = new Map(onServer.map((s) => [s.value.id, s]));
    for (const { cache } of hosts) {
      await cache.refresh();
      const cached = cache.list('initiative');
      assert.equal(cached.length, serverState.size);
      for (const entry of cached) assert.deepEqual(entry, serverState.get(entry.value.id));
    }
    for (const { cache } of hosts) cache.dispose();

    figures = {
      ...figures,
      clients,
      editsPerClient,
      sharedItems,
      ...counts,
      fieldsChecked,
      cachesConverged: hosts.length,
    };
    console.log(
      `      ${clients * editsPerClient} writes: ${counts.applied} applied, ${counts.merged} merged, ${counts.conflicts} conflicts reported`,
    );
  });
});

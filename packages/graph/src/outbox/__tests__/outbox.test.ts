import assert from 'node:assert/strict';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { provisionedSite } from '../../__tests__/site.js';
import { anObjective } from '../../__tests__/builders.js';
import { GraphStore } from '../../store/graphStore.js';
import type { SiteLists } from '../../store/listPaths.js';
import { MemoryCacheStorage } from '../../sync/cacheStorage.js';
import { Outbox } from '../outbox.js';

describe('Outbox against the local server', () => {
  let graph: LocalGraph;
  let lists: SiteLists;
  let n = 0;
  before(async () => {
    graph = await startLocalGraph();
    lists = await provisionedSite(graph.client());
  });
  after(() => graph.close());

  it('keeps writes made offline across a restart and replays them in order', async () => {
    const storage = new MemoryCacheStorage();
    let offline = true;
    const outbox = new Outbox(new GraphStore(graph.client(), lists), { storage, isOffline: () => offline });
    const objective = anObjective(++n);
    assert.equal((await outbox.submit({ op: 'create', kind: 'objective', value: objective })).status, 'queued');
    await outbox.submit({ op: 'update', kind: 'objective', id: objective.id, patch: { title: 'first edit' } });
    await outbox.submit({ op: 'update', kind: 'objective', id: objective.id, patch: { status: 'achieved' } });
    assert.equal((await outbox.flush()).sent, 0, 'nothing is sent while offline');

    // The host restarts: a new outbox over the same storage still has the three writes.
    offline = false;
    const restarted = new Outbox(new GraphStore(graph.client(), lists), { storage, isOffline: () => offline });
    assert.deepEqual(
      (await restarted.pending()).map((e) => e.write.op),
      ['create', 'update', 'update'],
    );
    assert.deepEqual(await restarted.flush(), { sent: 3, pending: 0, failed: 0 });
    const stored = await new GraphStore(graph.client(), lists).get('objective', objective.id);
    assert.equal(stored?.value.title, 'first edit');
    assert.equal(stored?.value.status, 'achieved');
    assert.deepEqual(await restarted.pending(), []);
  });

  it('queues a write that fails for a retryable reason, and later ones behind it', async () => {
    const store = new GraphStore(graph.client({ retry: { maxRetries: 1 } }), lists);
    const outbox = new Outbox(store);
    await graph.faults({ match: `/lists/${lists.listIds.objective}/items`, status: 503, count: 100 });
    const a = anObjective(++n);
    const b = anObjective(++n);
    try {
      assert.equal((await outbox.submit({ op: 'create', kind: 'objective', value: a })).status, 'queued');
      assert.equal((await outbox.submit({ op: 'create', kind: 'objective', value: b })).status, 'queued');
      const stillDown = await outbox.flush();
      assert.equal(stillDown.pending, 2);
      assert.match((await outbox.pending())[0]!.lastError ?? '', /503|serviceNotAvailable|unavailable/i);
    } finally {
      await graph.clearFaults();
    }
    // Once Graph is back, the replay loop sends them without being asked.
    const stop = outbox.startReplaying((e) => assert.fail(String(e)), 5);
    try {
      for (let i = 0; i < 200 && (await outbox.pending()).length > 0; i++) await new Promise((r) => setTimeout(r, 10));
    } finally {
      stop();
    }
    assert.deepEqual(await outbox.pending(), []);
    const check = new GraphStore(graph.client(), lists);
    assert.ok(await check.get('objective', a.id));
    assert.ok(await check.get('objective', b.id));
  });

  it('moves a write that can never succeed (a conflict) to the failed list instead of dropping it', async () => {
    const store = new GraphStore(graph.client(), lists);
    const created = await store.create('objective', anObjective(++n));
    await new GraphStore(graph.client(), lists).update(
      'objective',
      created.value.id,
      { title: 'theirs' },
      created.etag,
    );
    let offline = true;
    const outbox = new Outbox(new GraphStore(graph.client(), lists), { isOffline: () => offline });
    await outbox.submit({
      op: 'update',
      kind: 'objective',
      id: created.value.id,
      patch: { title: 'mine' },
      etag: created.etag,
    });
    offline = false;
    assert.deepEqual(await outbox.flush(), { sent: 0, pending: 0, failed: 1 });
    const failed = await outbox.failed();
    assert.equal(failed.length, 1);
    assert.match(failed[0]!.lastError ?? '', /changed meanwhile/);
    assert.equal((await store.get('objective', created.value.id))?.value.title, 'theirs');
  });

  it('counts and lists what waits and what failed with one read of shared storage', async () => {
    const store = new GraphStore(graph.client(), lists);
    const created = await store.create('objective', anObjective(++n));
    await store.update('objective', created.value.id, { title: 'theirs' }, created.etag);
    const storage = new MemoryCacheStorage();
    let reads = 0;
    const read = storage.read.bind(storage);
    storage.read = (name) => {
      reads++;
      return read(name);
    };
    let offline = true;
    const outbox = new Outbox(store, { storage, shared: true, isOffline: () => offline });
    assert.deepEqual(await outbox.counts(), { pending: 0, failed: 0 });
    const update = { op: 'update', kind: 'objective', id: created.value.id, patch: { title: 'mine' } } as const;
    await outbox.submit({ ...update, etag: created.etag });
    offline = false;
    await outbox.flush(); // a conflict: moved to the failed list
    offline = true;
    await outbox.submit(update);
    await outbox.submit(update);

    reads = 0;
    assert.deepEqual(await outbox.counts(), { pending: 2, failed: 1 });
    assert.equal(reads, 1);
    reads = 0;
    const { pending, failed } = await outbox.entries();
    assert.deepEqual(
      pending.map((e) => e.write.op),
      ['update', 'update'],
    );
    assert.equal(failed.length, 1);
    assert.equal(reads, 1);
  });

  it('counts a queued delete as sent when the item is already gone (a delete that landed but whose answer was lost)', async () => {
    const store = new GraphStore(graph.client({ retry: { maxRetries: 0 } }), lists);
    const created = await store.create('objective', anObjective(++n));
    const outbox = new Outbox(store);
    // The delete is applied, then the connection drops without an answer: the client cannot know it landed.
    await graph.faults({
      match: `/lists/${lists.listIds.objective}/items/`,
      method: 'DELETE',
      reset: true,
      afterApply: true,
      count: 1,
    });
    try {
      const submitted = await outbox.submit({
        op: 'delete',
        kind: 'objective',
        id: created.value.id,
        etag: created.etag,
      });
      assert.equal(submitted.status, 'queued');
    } finally {
      await graph.clearFaults();
    }
    assert.equal(await store.get('objective', created.value.id), undefined, 'the delete did land');
    assert.deepEqual(await outbox.flush(), { sent: 1, pending: 0, failed: 0 });
    assert.deepEqual(await outbox.failed(), []);
  });

  it('with shared storage, two processes (two windows) keep each other’s writes, and a replay by one sends all once', async () => {
    const storage = new MemoryCacheStorage();
    const store = () => new GraphStore(graph.client(), lists);
    // Both open the queue before either writes: each must read it again before changing it.
    const windowA = new Outbox(store(), { storage, shared: true, isOffline: () => true });
    const windowB = new Outbox(store(), { storage, shared: true, isOffline: () => true });
    assert.deepEqual([await windowA.pending(), await windowB.pending()], [[], []]);
    const a = anObjective(++n);
    const b = anObjective(++n);
    const fromA = await windowA.submit({ op: 'create', kind: 'objective', value: a });
    const fromB = await windowB.submit({ op: 'create', kind: 'objective', value: b });
    assert.deepEqual(
      [fromA, fromB],
      [
        { status: 'queued', seq: 1 },
        { status: 'queued', seq: 2 },
      ],
    );
    assert.deepEqual(
      (await windowA.pending()).map((e) => e.seq),
      [1, 2],
      'A sees B’s write',
    );

    const replayer = new Outbox(store(), { storage, shared: true });
    // A write queued by another window during the replay is not lost either.
    const c = anObjective(++n);
    const replay = replayer.flush();
    await windowB.submit({ op: 'create', kind: 'objective', value: c });
    const first = await replay;
    const second = await replayer.flush();
    assert.equal(first.sent + second.sent, 3);
    assert.deepEqual([await windowA.pending(), await windowB.failed()], [[], []]);
    for (const o of [a, b, c]) assert.ok(await store().get('objective', o.id), `${o.key} stored`);
  });
});

import assert from 'node:assert/strict';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { provisionedSite } from '../../__tests__/site.js';
import { anInitiative, anObjective } from '../../__tests__/builders.js';
import { GraphStore } from '../graphStore.js';
import type { SiteLists } from '../listPaths.js';

/** The N of a SharePoint ETag `"{GUID},N"`. */
function versionOf(etag: string): number {
  return Number(/,(\d+)"?$/.exec(etag)?.[1]);
}

/** Runs `work` over `items` with at most `limit` in flight, as a busy client would. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

describe('GraphStore under injected faults', function () {
  this.timeout(120_000);
  let graph: LocalGraph;
  let lists: SiteLists;
  before(async () => {
    graph = await startLocalGraph();
    lists = await provisionedSite(graph.client());
  });
  after(() => graph.close());

  it('500 creates and 500 updates with 30% 429/503 and dropped connections: every item once, every update applied', async () => {
    const store = new GraphStore(graph.client({ retry: { maxRetries: 12 } }), lists);
    const objectives = Array.from({ length: 500 }, (_, i) => anObjective(1000 + i, { parentKey: 'OBJ-1' }));
    await graph.faults({ match: `/lists/${lists.listIds.objective}`, status: 429, retryAfter: 0, rate: 0.12 });
    await graph.faults({ match: `/lists/${lists.listIds.objective}`, status: 503, rate: 0.1 });
    await graph.faults({ match: `/lists/${lists.listIds.objective}`, reset: true, rate: 0.08 });

    const etags = new Map<string, string>();
    await inParallel(objectives, 8, async (o) => {
      etags.set(o.id, (await store.create('objective', o)).etag);
    });
    await inParallel(objectives, 8, async (o) => {
      await store.update('objective', o.id, { status: 'achieved', title: `Done ${o.key}` }, etags.get(o.id)!);
    });
    const faulted = (await graph.stats()).throttled;
    await graph.clearFaults();

    const onServer = await new GraphStore(graph.client(), lists).query('objective', { where: { parentKey: 'OBJ-1' } });
    const counts = new Map<string, number>();
    for (const s of onServer) counts.set(s.value.id, (counts.get(s.value.id) ?? 0) + 1);
    assert.equal(onServer.length, 500, 'no duplicates, nothing missing');
    for (const o of objectives) {
      assert.equal(counts.get(o.id), 1, `${o.key} is there exactly once`);
    }
    for (const s of onServer) {
      assert.equal(s.value.status, 'achieved');
      assert.equal(s.value.title, `Done ${s.value.key}`);
    }
    assert.ok(faulted > 100, `faults were injected (${faulted} throttled answers)`);
  });

  for (const [n, name, rule] of [
    [901, 'the connection drops', { reset: true }],
    [902, 'a 504 comes back', { status: 504 }],
  ] as const) {
    it(`an update applied whose answer was lost (${name}) is recognised as its own on the 412: one version, no conflict`, async () => {
      const store = new GraphStore(graph.client(), lists);
      const created = await store.create('initiative', anInitiative(n));
      const id = created.value.id;
      const patch = {
        title: 'Renamed after the answer was lost',
        objectiveKeys: ['OBJ-1', 'OBJ-2'],
        end: '2026-09-30',
      };
      await graph.faults({
        match: `/lists/${lists.listIds.initiative}/items`,
        method: 'PATCH',
        afterApply: true,
        count: 1,
        ...rule,
      });
      const updated = await store.update('initiative', id, patch, created.etag);
      await graph.clearFaults();
      assert.equal(updated.value.title, patch.title);
      const onServer = (await new GraphStore(graph.client(), lists).get('initiative', id))!;
      assert.deepEqual(onServer.value.objectiveKeys, patch.objectiveKeys);
      assert.equal(onServer.value.end, patch.end);
      assert.equal(versionOf(onServer.etag), versionOf(created.etag) + 1, 'the patch was written once');
      assert.equal(updated.etag, onServer.etag);
    });
  }

  it('a retry by the user after a lost answer, from another store on the old ETag, is recognised too', async () => {
    const first = new GraphStore(graph.client({ retry: { maxRetries: 0 } }), lists);
    const created = await first.create('initiative', anInitiative(950));
    await graph.faults({
      match: `/lists/${lists.listIds.initiative}/items`,
      method: 'PATCH',
      afterApply: true,
      reset: true,
      count: 1,
    });
    await assert.rejects(first.update('initiative', created.value.id, { percentComplete: 40 }, created.etag));
    await graph.clearFaults();
    // A new page (no memory of the version edited) re-sends the same edit on the ETag it showed.
    const again = await new GraphStore(graph.client(), lists).update(
      'initiative',
      created.value.id,
      { percentComplete: 40 },
      created.etag,
    );
    assert.equal(again.value.percentComplete, 40);
    assert.equal(versionOf(again.etag), versionOf(created.etag) + 1);
  });
});

import assert from 'node:assert/strict';
import type { Objective } from '@tandem/core';
import { createGraphClient, GraphStore, localTokenProvider, provision, resolveSite } from '@tandem/graph';
import { startGraphLocal, type GraphLocalServer } from '@tandem/graph-local';
import { openSite } from '../openStore.js';

const user = 'adele@contoso.test';
const objective: Objective = {
  id: '30000000-0000-4000-8000-000000000001',
  key: 'OBJ-1',
  kind: 'business',
  title: 'Grow online sales',
  owner: { email: user, displayName: 'Adele Vance' },
  periodStart: '2026-01-01',
  periodEnd: '2026-06-30',
  status: 'active',
};

/**
 * Opens the site through a server that records the path of every request it is sent, and of every read inside a JSON
 * batch, as `batches` counts the batches.
 */
async function openRecorded(server: GraphLocalServer, prefetch: Parameters<typeof openSite>[4]) {
  const paths: string[] = [];
  let batches = 0;
  const recording = new Proxy(globalThis.fetch, {
    apply(target, self, args: Parameters<typeof fetch>) {
      const [input, init] = args;
      const path = decodeURIComponent(new URL(input instanceof Request ? input.url : String(input)).pathname);
      if (path.endsWith('/$batch') && typeof init?.body === 'string') {
        batches++;
        for (const read of (JSON.parse(init.body) as { requests: { url: string }[] }).requests) {
          paths.push(decodeURIComponent(read.url.split('?')[0]!));
        }
      } else paths.push(path);
      return Reflect.apply(target, self, args) as ReturnType<typeof fetch>;
    },
  });
  const original = globalThis.fetch;
  globalThis.fetch = recording;
  try {
    const opened = await openSite(server.url, localTokenProvider(server.origin, user), 'root', undefined, prefetch);
    return { opened, paths, batches: () => batches, restore: () => (globalThis.fetch = original) };
  } catch (error) {
    globalThis.fetch = original;
    throw error;
  }
}

describe('opening the site with the first view’s reads on their way (openSite)', () => {
  let server: GraphLocalServer;
  beforeEach(async () => (server = await startGraphLocal({ port: 0, memory: true })));
  afterEach(() => server.close());

  it('on a ready site, reads the lists by title beside provisioning, then addresses them by id', async () => {
    const client = createGraphClient({ baseUrl: server.url, tokenProvider: localTokenProvider(server.origin, user) });
    const site = await resolveSite(client, 'root');
    const lists = await provision(client, site.id);
    await new GraphStore(client, { siteId: site.id, listIds: lists.listIds }).create('objective', objective);

    const { opened, paths, batches, restore } = await openRecorded(server, ['objective']);
    try {
      const byTitle = paths.filter((p) => p.endsWith('/sites/root/lists/Tandem Objectives/items'));
      assert.equal(byTitle.length, 1, `the objectives were read by title: ${paths.join(', ')}`);
      assert.equal(batches(), 1, 'the site, its lists, the settings and the objectives in one batch');
      const objectives = await opened.store.query('objective');
      assert.deepEqual(
        objectives.map((o) => o.value.key),
        ['OBJ-1'],
      );
      assert.equal(paths.filter((p) => p.endsWith('/items')).length, 2, 'the view took the answer (plus the settings)');
      assert.equal(opened.lists.listIds.objective, lists.listIds.objective);
      await opened.store.query('objective');
      assert.ok(
        paths.at(-1)!.endsWith(`/lists/${lists.listIds.objective}/items`),
        `later reads address the list by id: ${paths.at(-1)}`,
      );
    } finally {
      restore();
    }
  });

  it('on a fresh site, drops the reads sent before provisioning created the lists and asks again', async () => {
    const { opened, restore } = await openRecorded(server, ['objective', 'initiative']);
    try {
      assert.deepEqual(await opened.store.query('objective'), [], 'the list exists now and is empty');
      await opened.store.create('objective', objective);
      const objectives = await opened.store.query('objective');
      assert.deepEqual(
        objectives.map((o) => o.value.key),
        ['OBJ-1'],
      );
    } finally {
      restore();
    }
  });
});

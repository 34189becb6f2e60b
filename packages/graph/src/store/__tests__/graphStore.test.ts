import assert from 'node:assert/strict';
import { ConflictError, NotFoundError, ValidationError, type Objective } from '@tandem/core';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { provisionedSite } from '../../__tests__/site.js';
import { anInitiative, aLink, anObjective } from '../../__tests__/builders.js';
import { GraphStore } from '../graphStore.js';
import type { SiteLists } from '../listPaths.js';

describe('GraphStore against the local server', () => {
  let graph: LocalGraph;
  let lists: SiteLists;
  let n = 100;
  before(async () => {
    graph = await startLocalGraph();
    lists = await provisionedSite(graph.client());
  });
  after(() => graph.close());

  const store = () => new GraphStore(graph.client(), lists);

  it('creates, reads (by id, by key, by query), updates and deletes an objective', async () => {
    const s = store();
    const objective = anObjective(++n, { description: 'Grow the partner channel', parentKey: 'OBJ-1', weight: 2 });
    const created = await s.create('objective', objective);
    assert.deepEqual(created.value, objective);
    assert.ok(created.etag);

    const other = store(); // a second client knows nothing of the item ids
    assert.deepEqual((await other.get('objective', objective.id))?.value, objective);
    assert.deepEqual((await other.getByKey('objective', objective.key))?.value, objective);
    const children = await other.query('objective', { where: { parentKey: 'OBJ-1' } });
    assert.deepEqual(
      children.map((c) => c.value.id),
      [objective.id],
    );

    const updated = await s.update(
      'objective',
      objective.id,
      { status: 'achieved', description: undefined },
      created.etag,
    );
    assert.equal(updated.value.status, 'achieved');
    assert.equal(updated.value.description, undefined);
    assert.notEqual(updated.etag, created.etag);
    const reread = await other.get('objective', objective.id);
    assert.deepEqual(reread?.value, updated.value);
    assert.equal(reread?.etag, updated.etag);

    await assert.rejects(s.delete('objective', objective.id, created.etag), ConflictError);
    await s.delete('objective', objective.id, updated.etag);
    assert.equal(await other.get('objective', objective.id), undefined);
    await assert.rejects(s.update('objective', objective.id, { status: 'active' }, updated.etag), NotFoundError);
  });

  it('keeps arrays and people (JSON columns) and links', async () => {
    const s = store();
    const initiative = anInitiative(++n, { objectiveKeys: ['OBJ-1', 'OBJ-2'], dependsOn: ['INI-1'] });
    await s.create('initiative', initiative);
    const link = aLink(initiative.key);
    await s.create('link', link);
    assert.deepEqual((await store().get('initiative', initiative.id))?.value, initiative);
    const links = await store().query('link', { where: { targetKey: initiative.key } });
    assert.deepEqual(
      links.map((l) => l.value),
      [link],
    );
  });

  it('reads a whole list in pages of pageSize, following nextLink, the same as in one page', async () => {
    const s = store();
    for (let i = 0; i < 5; i++) await s.create('objective', anObjective(++n));
    const onePage = await s.query('objective');
    const small = await new GraphStore(graph.client(), lists, { pageSize: 2 }).query('objective');
    assert.ok(onePage.length >= 5);
    assert.deepEqual(
      small.map((o) => o.value.id),
      onePage.map((o) => o.value.id),
    );
  });

  it('sorts and limits queries', async () => {
    const s = store();
    for (const title of ['b', 'c', 'a']) await s.create('objective', anObjective(++n, { title, parentKey: 'OBJ-77' }));
    const firstTwo = await s.query('objective', {
      where: { parentKey: 'OBJ-77' },
      orderBy: { field: 'title', direction: 'desc' },
      top: 2,
    });
    assert.deepEqual(
      firstTwo.map((o) => o.value.title),
      ['c', 'b'],
    );
  });

  it('makes a retried create idempotent by the client-generated id, and refuses a key held by another id', async () => {
    const s = store();
    const objective = anObjective(++n);
    const first = await s.create('objective', objective);
    const again = await store().create('objective', objective);
    assert.equal(again.etag, first.etag);
    const all = await store().query('objective', { where: { key: objective.key } });
    assert.equal(all.length, 1);

    const clash = anObjective(n);
    const error = await store()
      .create('objective', clash)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(error instanceof ConflictError);
    assert.equal((error.theirs?.value as Objective).id, objective.id);
  });

  it('validates before writing: nothing is sent for a bad value', async () => {
    await graph.resetStats();
    const bad = { ...anObjective(++n), periodEnd: '2025-01-01' };
    await assert.rejects(store().create('objective', bad), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(
        e.issues.map((i) => i.path),
        ['periodEnd'],
      );
      return true;
    });
    const created = await store().create('objective', anObjective(++n));
    await assert.rejects(
      store().update('objective', created.value.id, { status: 'nonsense' as never }, created.etag),
      ValidationError,
    );
  });

  it('merges concurrent edits of different fields, and raises a conflict with both versions on the same field', async () => {
    const objective = anObjective(++n);
    const created = await store().create('objective', objective);
    const alice = store();
    const bob = store();
    const a = await alice.get('objective', objective.id);
    const b = await bob.get('objective', objective.id);
    await alice.update('objective', objective.id, { title: 'Alice was here' }, a!.etag);
    const merged = await bob.update('objective', objective.id, { status: 'achieved' }, b!.etag);
    assert.equal(merged.value.title, 'Alice was here');
    assert.equal(merged.value.status, 'achieved');
    const onServer = await store().get('objective', objective.id);
    assert.deepEqual(onServer?.value, { ...objective, title: 'Alice was here', status: 'achieved' });

    // Same field, different values: nobody's edit is overwritten.
    const current = onServer!;
    await alice.update('objective', objective.id, { title: 'Alice again' }, current.etag);
    const error = await bob.update('objective', objective.id, { title: 'Bob' }, current.etag).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof ConflictError);
    assert.deepEqual(error.mine, { title: 'Bob' });
    assert.equal((error.theirs?.value as Objective).title, 'Alice again');
    assert.equal((await store().get('objective', objective.id))?.value.title, 'Alice again');
    assert.ok(created.etag);
  });

  it('two clients racing on different fields of one item lose nothing', async () => {
    const objective = anObjective(++n, { weight: 1 });
    await store().create('objective', objective);
    const race = async (who: GraphStore, edit: (i: number) => Partial<Objective>) => {
      let current = (await who.get('objective', objective.id))!;
      for (let i = 1; i <= 10; i++)
        current = await who.update('objective', objective.id, edit(i) as never, current.etag);
    };
    await Promise.all([race(store(), (i) => ({ title: `title ${i}` })), race(store(), (i) => ({ weight: i + 1 }))]);
    const final = await store().get('objective', objective.id);
    assert.equal(final?.value.title, 'title 10');
    assert.equal(final?.value.weight, 11);
  });

  it('reports a malformed item with its item id and field and skips it, never passing it on', async () => {
    const client = graph.client();
    const item = await client.post<{ id: string }>(`/sites/${lists.siteId}/lists/${lists.listIds.objective}/items`, {
      fields: {
        Title: 'Broken',
        TandemId: '0b7c4a52-95a3-4a8e-9a43-6f3e0c1d2e3f',
        Key: 'OBJ-999',
        Kind: 'business',
        Status: 'active',
        Owner: '{"email":"not-an-email","displayName":"X"}',
        PeriodStart: '2026-01-01',
        PeriodEnd: '2026-02-01',
      },
    });
    const reported: { kind: string; error: ValidationError }[] = [];
    const s = new GraphStore(graph.client(), lists, { onInvalidItem: (kind, error) => reported.push({ kind, error }) });
    assert.equal(await s.getByKey('objective', 'OBJ-999'), undefined);
    assert.equal(reported.length, 1);
    assert.equal(reported[0]!.kind, 'objective');
    assert.match(reported[0]!.error.message, new RegExp(`list item ${item.id}\\b`));
    assert.deepEqual(
      reported[0]!.error.issues.map((i) => i.path),
      ['owner.email (column Owner)'],
    );
  });

  it('a link written around the app with a javascript: URL is reported and skipped; the rest of the list loads', async () => {
    const doc = (name: string) => ({
      kind: 'document' as const,
      externalId: `doc-${name}-${++n}`,
      url: `https://contoso.sharepoint.com/${name}`,
      repository: undefined,
      sha: undefined,
    });
    const good = aLink('OBJ-1', doc('good'));
    const bad = aLink('OBJ-1', doc('bad'));
    const reported: ValidationError[] = [];
    const writer = store();
    await writer.create('link', good);
    await writer.create('link', bad);
    const itemId = writer.itemIdOf('link', bad.id)!;
    await graph.client().patch(`/sites/${lists.siteId}/lists/${lists.listIds.link}/items/${itemId}/fields`, {
      Url: 'javascript:alert(1)',
    });

    const reader = new GraphStore(graph.client(), lists, { onInvalidItem: (_kind, error) => reported.push(error) });
    const links = await reader.query('link');
    const ids = links.map((l) => l.value.id);
    assert.ok(ids.includes(good.id), 'the valid link still loads');
    assert.ok(!ids.includes(bad.id), 'the malformed link is not passed on');
    assert.equal(reported.length, 1);
    assert.match(reported[0]!.message, new RegExp(`link in list item ${itemId}\\b`));
    assert.ok(reported[0]!.issues.some((i) => i.path.startsWith('url')));
  });

  it('without a handler, a skipped item goes to the logger as a warning', async () => {
    const warnings: string[] = [];
    const ignore = () => undefined;
    const logger = { debug: ignore, info: ignore, error: ignore, warn: (message: string) => warnings.push(message) };
    const s = new GraphStore(graph.client(), lists, { logger });
    const all = await s.query('objective');
    assert.ok(all.length > 0);
    assert.ok(!all.some((o) => o.value.key === 'OBJ-999'));
    assert.ok(warnings.some((w) => /invalid objective in list item/.test(w)));
  });
});

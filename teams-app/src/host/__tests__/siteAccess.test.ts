import assert from 'node:assert/strict';
import { StoreError, type Objective } from '@tandem/core';
import { createGraphClient, GraphStore, localTokenProvider, provision, resolveSite } from '@tandem/graph';
import { startGraphLocal, type GraphLocalServer } from '@tandem/graph-local';
import { accessAwareStore, isAccessDenied, readOnlyReasonForDeniedWrite, type SiteAccess } from '../siteAccess.js';

const objective: Objective = {
  id: '30000000-0000-4000-8000-000000000001',
  key: 'OBJ-1',
  kind: 'business',
  title: 'Grow the partner channel',
  owner: { email: 'adele@contoso.test', displayName: 'Adele Vance' },
  periodStart: '2026-01-01',
  periodEnd: '2026-06-30',
  status: 'active',
} as Objective;

describe('read-only access from the site', () => {
  let server: GraphLocalServer;
  before(async () => {
    server = await startGraphLocal({ port: 0, memory: true });
  });
  after(() => server.close());

  function storeFor(user: string, lists: { siteId: string; listIds: Record<string, string> }) {
    const client = createGraphClient({
      baseUrl: server.url,
      tokenProvider: localTokenProvider(server.origin, user),
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    return new GraphStore(client, lists as never);
  }

  it("turns the page read-only with the reason when the site refuses a reader's write, and still fails the write", async () => {
    const admin = createGraphClient({
      baseUrl: server.url,
      tokenProvider: localTokenProvider(server.origin, 'adele@contoso.test'),
    });
    const site = await resolveSite(admin, 'root');
    const lists = { siteId: site.id, listIds: (await provision(admin, site.id)).listIds };
    await storeFor('adele@contoso.test', lists).create('objective', objective);
    await fetch(`${server.origin}/_local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'rita@contoso.test', role: 'reader' }),
    });

    const changes: SiteAccess[] = [];
    const store = accessAwareStore(storeFor('rita@contoso.test', lists), (access) => changes.push(access));
    const shown = await store.get('objective', objective.id);
    assert.equal(shown?.value.title, objective.title, 'a reader reads');
    assert.deepEqual(changes, [], 'reading says nothing');

    const refused = await store.update('objective', objective.id, { title: 'Mine now' }, shown!.etag).then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(refused instanceof StoreError && refused.code === 'forbidden', 'the write fails for its caller');
    assert.deepEqual(changes, [{ canEdit: false, readOnlyReason: readOnlyReasonForDeniedWrite }]);
    await store
      .create('objective', { ...objective, id: '30000000-0000-4000-8000-000000000002', key: 'OBJ-2' })
      .catch((error: unknown) => assert.ok(isAccessDenied(error)));
    assert.equal(changes.length, 1, 'said once');
    assert.equal((await store.get('objective', objective.id))?.value.title, objective.title, 'nothing changed');
  });

  it('tells a 403 from other failures', () => {
    assert.ok(isAccessDenied(new StoreError('forbidden', 'no')));
    assert.ok(isAccessDenied(new Error('wrapped', { cause: new StoreError('forbidden', 'no') })));
    assert.ok(!isAccessDenied(new StoreError('conflict', 'changed meanwhile')));
    assert.ok(!isAccessDenied(new Error('offline')));
  });
});

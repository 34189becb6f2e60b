import assert from 'node:assert/strict';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { provisionedSite } from '../../__tests__/site.js';
import type { SiteLists } from '../../store/listPaths.js';
import { runBatch, type BatchRequest } from '../batch.js';

describe('JSON batching against the local server', () => {
  let graph: LocalGraph;
  let lists: SiteLists;
  before(async () => {
    graph = await startLocalGraph();
    lists = await provisionedSite(graph.client());
  });
  after(() => graph.close());

  const items = () => `/sites/${lists.siteId}/lists/${lists.listIds.glossaryTerm}/items`;

  it('splits 45 requests into batches of 20 and answers each by id', async () => {
    await graph.resetStats();
    const requests: BatchRequest[] = Array.from({ length: 45 }, (_, i) => ({
      id: `r${i}`,
      method: 'POST',
      url: items(),
      body: { fields: { Title: `term ${i}` } },
    }));
    const results = await runBatch(graph.client(), requests);
    assert.equal(results.size, 45);
    for (const [id, result] of results) {
      assert.equal(result.status, 201, id);
      assert.equal((result.body as { fields: { Title: string } }).fields.Title, `term ${id.slice(1)}`);
    }
    const stats = await graph.stats();
    assert.equal(stats.requests, 3, 'three round trips');
    assert.equal(stats.batchedRequests, 45);
  });

  it('keeps order with dependsOn and fails dependants of a failed request with 424', async () => {
    const results = await runBatch(graph.client(), [
      { id: 'a', method: 'POST', url: items(), body: { fields: { Title: 'first' } } },
      { id: 'b', method: 'GET', url: `${items()}/does-not-exist`, dependsOn: ['a'] },
      { id: 'c', method: 'POST', url: items(), body: { fields: { Title: 'after b' } }, dependsOn: ['b'] },
    ]);
    assert.equal(results.get('a')?.status, 201);
    assert.equal(results.get('b')?.status, 404);
    assert.equal(results.get('b')?.error?.code, 'itemNotFound');
    assert.equal(results.get('c')?.status, 424);
    assert.ok(results.get('c')?.error);
  });

  it('carries a dependency across the split: a later batch is not sent for a failed dependency', async () => {
    const requests: BatchRequest[] = Array.from({ length: 20 }, (_, i) => ({
      id: `g${i}`,
      method: 'GET',
      url: i === 19 ? `${items()}/missing` : `${items()}?$top=1`,
    }));
    requests.push({
      id: 'late',
      method: 'POST',
      url: items(),
      body: { fields: { Title: 'never' } },
      dependsOn: ['g19'],
    });
    const results = await runBatch(graph.client(), requests);
    assert.equal(results.get('g19')?.status, 404);
    assert.equal(results.get('late')?.status, 424);
  });

  it('retries throttled requests inside a batch (with their dependants) until they succeed', async () => {
    await graph.faults({
      match: `/lists/${lists.listIds.glossaryTerm}/items`,
      method: 'POST',
      status: 429,
      retryAfter: 0,
      count: 3,
    });
    await graph.resetStats();
    const results = await runBatch(graph.client(), [
      { id: '1', method: 'POST', url: items(), body: { fields: { Title: 'x1' } } },
      { id: '2', method: 'POST', url: items(), body: { fields: { Title: 'x2' } }, dependsOn: ['1'] },
      { id: '3', method: 'POST', url: items(), body: { fields: { Title: 'x3' } } },
    ]);
    for (const id of ['1', '2', '3']) assert.equal(results.get(id)?.status, 201, id);
    const stats = await graph.stats();
    assert.ok(stats.requests >= 2, 'the throttled part was sent again');
    assert.equal(stats.throttled, 3);
  });

  it('refuses duplicate ids and forward dependencies before sending anything', async () => {
    await assert.rejects(
      runBatch(graph.client(), [
        { id: 'x', method: 'GET', url: items() },
        { id: 'x', method: 'GET', url: items() },
      ]),
      /used twice/,
    );
    await assert.rejects(
      runBatch(graph.client(), [{ id: 'y', method: 'GET', url: items(), dependsOn: ['z'] }]),
      /does not come before/,
    );
  });
});

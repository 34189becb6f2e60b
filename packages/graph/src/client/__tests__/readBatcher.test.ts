import assert from 'node:assert/strict';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { provisionedSite } from '../../__tests__/site.js';
import type { SiteLists } from '../../store/listPaths.js';
import { GraphError } from '../graphError.js';

describe('reads batched by the Graph client (batchReads), against the local server', () => {
  let graph: LocalGraph;
  let lists: SiteLists;
  before(async () => {
    graph = await startLocalGraph();
    lists = await provisionedSite(graph.client());
    const writer = graph.client();
    for (const title of ['alpha', 'beta', 'gamma']) {
      await writer.post(`/sites/${lists.siteId}/lists/${lists.listIds.glossaryTerm}/items`, {
        fields: { Title: title },
      });
    }
  });
  after(() => graph.close());

  const site = () => `/sites/${lists.siteId}`;
  const terms = () => `${site()}/lists/${lists.listIds.glossaryTerm}/items?$expand=fields($select=Title)`;
  const titles = (page: unknown) =>
    ((page as { value: { fields: { Title: string } }[] }).value ?? []).map((i) => i.fields.Title).sort();

  it('sends the SharePoint reads asked for in one task as one $batch, each caller getting its own answer', async () => {
    const alone = graph.client();
    const expected = await Promise.all([
      alone.get(site()),
      alone.get(`${site()}/lists?$select=id`),
      alone.get(terms()),
    ]);
    await graph.resetStats();
    const client = graph.client({ batchReads: true });
    const siteAnswer = client.get(site());
    // Asked for after an await, still in the same task: it makes the same batch.
    const later = Promise.resolve().then(() => client.get(`${site()}/lists?$select=id`));
    const response = await Promise.all([client.request('GET', terms()), siteAnswer, later]);
    const [termsResponse, siteBody, listsBody] = response;
    assert.deepEqual(titles(termsResponse.body), ['alpha', 'beta', 'gamma']);
    assert.equal(termsResponse.status, 200);
    assert.match(termsResponse.headers.get('content-type') ?? '', /json/);
    assert.deepEqual(titles(termsResponse.body), titles(expected[2]));
    assert.equal((siteBody as { id: string }).id, (expected[0] as { id: string }).id);
    assert.deepEqual(listsBody, expected[1]);
    const stats = await graph.stats();
    assert.equal(stats.requests, 1, 'one round trip');
    assert.equal(stats.batchedRequests, 3);
  });

  it('sends a read asked for alone, and reads outside a site, as they are', async () => {
    await graph.resetStats();
    const client = graph.client({ batchReads: true });
    assert.deepEqual(titles(await client.get(terms())), ['alpha', 'beta', 'gamma']);
    await Promise.all([client.get('/me/messages?$top=1'), client.get('/me/messages?$top=2')]);
    const stats = await graph.stats();
    assert.equal(stats.requests, 3);
    assert.equal(stats.batchedRequests, 0);
  });

  it('fails only the read that failed, with Graph’s error for it', async () => {
    const client = graph.client({ batchReads: true });
    const [missing, found] = await Promise.allSettled([
      client.get(`${site()}/lists/${lists.listIds.glossaryTerm}/items/99999`),
      client.get(terms()),
    ]);
    assert.equal(found.status, 'fulfilled');
    assert.equal(missing.status, 'rejected');
    const error = (missing as PromiseRejectedResult).reason as GraphError;
    assert.ok(error instanceof GraphError);
    assert.equal(error.status, 404);
    assert.match(error.request, /^GET \/sites\/.+\/items\/99999 \(in \$batch\)$/);
  });

  it('sends throttled reads of a batch again until they are answered', async () => {
    await graph.faults({ match: '/lists?', method: 'GET', status: 429, retryAfter: 0, count: 2 });
    await graph.resetStats();
    const client = graph.client({ batchReads: true });
    const [lists, page] = await Promise.all([client.get(`${site()}/lists?$select=id`), client.get(terms())]);
    assert.ok(((lists as { value: unknown[] }).value ?? []).length > 0);
    assert.deepEqual(titles(page), ['alpha', 'beta', 'gamma']);
    const stats = await graph.stats();
    assert.equal(stats.throttled, 2);
    assert.ok(stats.requests >= 2, 'the throttled read was sent again');
    await graph.clearFaults();
  });

  it('splits more reads than one batch holds into batches sent at once', async () => {
    await graph.resetStats();
    const client = graph.client({ batchReads: true });
    const pages = await Promise.all(Array.from({ length: 25 }, () => client.get(terms())));
    for (const page of pages) assert.deepEqual(titles(page), ['alpha', 'beta', 'gamma']);
    const stats = await graph.stats();
    assert.equal(stats.requests, 2);
    assert.equal(stats.batchedRequests, 25);
  });
});

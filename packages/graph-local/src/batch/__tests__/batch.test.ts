import { strict as assert } from 'node:assert';
import { BatchRequestContent, BatchResponseContent } from '@microsoft/microsoft-graph-client';
import type { Client } from '@microsoft/microsoft-graph-client';
import { startHarness, expectGraphError } from '../../__tests__/harness.js';
import type { Harness } from '../../__tests__/harness.js';
import { itemBody } from '../../__tests__/builders.js';
import { createKeyedList } from '../../__tests__/fixtures.js';

interface BatchEntry {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}
interface BatchAnswer {
  responses: Array<{
    id: string;
    status: number;
    headers: Record<string, string>;
    body?: { error?: { code: string }; id?: string };
  }>;
}

/** A JSON batch entry that creates an item. */
function createEntry(id: string, base: string, key: string, dependsOn?: string[]): BatchEntry {
  return {
    id,
    method: 'POST',
    url: `${base}/items`,
    headers: { 'Content-Type': 'application/json' },
    body: itemBody({ Title: key, Key: key }),
    ...(dependsOn ? { dependsOn } : {}),
  };
}

describe('$batch', () => {
  let h: Harness;
  let client: Client;
  let base: string;

  before(async () => {
    h = await startHarness();
    client = await h.client();
    ({ base } = await createKeyedList(client, 'Batched'));
  });
  after(() => h.close());
  afterEach(() => h.local('DELETE', '/_local/faults'));

  const batch = (requests: BatchEntry[]) => client.api('/$batch').post({ requests }) as Promise<BatchAnswer>;

  it('runs each request with its own status, headers and body', async () => {
    const answer = await batch([
      createEntry('1', base, 'A-1'),
      { id: '2', method: 'GET', url: `${base}/items/999` },
      { id: '3', method: 'GET', url: '/sites/root?$select=id' },
    ]);
    const byId = new Map(answer.responses.map((r) => [r.id, r]));
    assert.equal(byId.get('1')!.status, 201);
    assert.match(byId.get('1')!.headers.ETag!, /,1"$/);
    assert.equal(byId.get('2')!.status, 404);
    assert.equal(byId.get('2')!.body!.error!.code, 'itemNotFound');
    assert.equal(byId.get('3')!.status, 200);
  });

  it('answers 424 for a request whose dependency failed, and runs the rest', async () => {
    const answer = await batch([
      {
        id: 'a',
        method: 'PATCH',
        url: `${base}/items/4242/fields`,
        headers: { 'Content-Type': 'application/json' },
        body: { Title: 'x' },
      },
      createEntry('b', base, 'B-1', ['a']),
      createEntry('c', base, 'C-1'),
    ]);
    const status = Object.fromEntries(answer.responses.map((r) => [r.id, r.status]));
    assert.deepEqual(status, { a: 404, b: 424, c: 201 });
    const page = (await client.api(`${base}/items`).filter(`fields/Key eq 'B-1'`).get()) as { value: unknown[] };
    assert.equal(page.value.length, 0, 'the dependent request did not run');
  });

  it('refuses more than 20 requests, duplicate ids and unknown dependencies with 400', async () => {
    const many = Array.from({ length: 21 }, (_, i) => createEntry(String(i), base, `M-${i}`));
    for (const requests of [
      many,
      [createEntry('1', base, 'D'), createEntry('1', base, 'E')],
      [createEntry('1', base, 'F', ['9'])],
    ]) {
      const e = await expectGraphError(() => batch(requests));
      assert.equal(e.statusCode, 400);
      assert.equal(e.code, 'BadRequest');
    }
  });

  it('applies injected faults to sub-requests, each with its own Retry-After', async () => {
    await h.local('POST', '/_local/faults', { match: '/items', method: 'POST', status: 429, retryAfter: 7, count: 1 });
    const answer = await batch([createEntry('1', base, 'T-1'), createEntry('2', base, 'T-2')]);
    const first = answer.responses.find((r) => r.id === '1')!;
    assert.equal(first.status, 429);
    assert.equal(first.headers['Retry-After'], '7');
    assert.equal(first.body!.error!.code, 'TooManyRequests');
    assert.equal(answer.responses.find((r) => r.id === '2')!.status, 201);
  });

  it('counts one HTTP request and the sub-requests separately, and bills resource units per sub-request', async () => {
    await h.local('DELETE', '/_local/stats');
    await batch([
      createEntry('1', base, 'S-1'),
      createEntry('2', base, 'S-2'),
      { id: '3', method: 'GET', url: `${base}/items/1` },
    ]);
    const stats = await h.local<{ apps: Record<string, unknown> }>('GET', '/_local/stats');
    assert.deepEqual(stats.apps['tandem-local'], { requests: 1, batchedRequests: 3, resourceUnits: 5, throttled: 0 });
  });

  it("works with the SDK's BatchRequestContent and BatchResponseContent", async () => {
    const url = (path: string) => `${h.server.url}${path}`;
    const content = new BatchRequestContent([
      {
        id: 'create',
        request: new Request(url(`${base}/items`), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(itemBody({ Title: 'SDK', Key: 'SDK-1' })),
        }),
      },
      { id: 'read', request: new Request(url('/sites/root'), { method: 'GET' }) },
    ]);
    content.addDependency('read', 'create');
    const body = await content.getContent();
    // The SDK writes absolute URLs into the batch body only when given them; Graph wants them relative.
    for (const r of body.requests) r.url = r.url.replace(h.server.url, '');
    const answer = new BatchResponseContent(await client.api('/$batch').post(body));
    assert.equal(answer.getResponseById('create').status, 201);
    assert.equal(answer.getResponseById('read').status, 200);
    const created = (await answer.getResponseById('create').json()) as { fields: { Key: string } };
    assert.equal(created.fields.Key, 'SDK-1');
  });
});

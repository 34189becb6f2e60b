import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { ListItem } from '@microsoft/microsoft-graph-types';
import { startHarness, expectGraphError } from '../../__tests__/harness.js';
import type { Harness } from '../../__tests__/harness.js';
import { itemBody } from '../../__tests__/builders.js';
import { createKeyedList } from '../../__tests__/fixtures.js';

type DeltaPage = {
  value: Array<ListItem & { deleted?: { state: string } }>;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
};

describe('list item delta', () => {
  let h: Harness;
  let client: Client;
  let base: string;

  /** Follows nextLinks to the deltaLink; returns every item seen, the deltaLink and the number of pages. */
  async function drain(start: string) {
    const items: DeltaPage['value'] = [];
    let page = (await client.api(start).get()) as DeltaPage;
    let pages = 1;
    while (page['@odata.nextLink']) {
      items.push(...page.value);
      page = (await client.api(page['@odata.nextLink'].slice(h.server.url.length)).get()) as DeltaPage;
      pages++;
    }
    items.push(...page.value);
    assert.ok(page['@odata.deltaLink'], 'the last page carries a deltaLink');
    return { items, deltaLink: page['@odata.deltaLink'].slice(h.server.url.length), pages };
  }

  before(async () => {
    h = await startHarness();
    client = await h.client();
    ({ base } = await createKeyedList(client, 'Objectives'));
    for (let i = 1; i <= 7; i++) await client.api(`${base}/items`).post(itemBody({ Title: `O${i}`, Key: `OBJ-${i}` }));
  });
  after(() => h.close());

  it('enumerates every item over several pages, then gives a deltaLink', async () => {
    const { items, pages } = await drain(`${base}/items/delta?$top=3&$expand=fields($select=Key)`);
    assert.equal(pages, 3);
    assert.deepEqual(
      items.map((i) => (i.fields as Record<string, string>).Key),
      ['OBJ-1', 'OBJ-2', 'OBJ-3', 'OBJ-4', 'OBJ-5', 'OBJ-6', 'OBJ-7'],
    );
  });

  it('reports creates, updates and deletes since the deltaLink, deletes as {id, deleted}', async () => {
    const { deltaLink } = await drain(`${base}/items/delta?$expand=fields`);
    await client.api(`${base}/items`).post(itemBody({ Title: 'O8', Key: 'OBJ-8' }));
    await client.api(`${base}/items/2/fields`).patch({ Title: 'Two' });
    await client.api(`${base}/items/3`).delete();
    const { items } = await drain(deltaLink);
    assert.deepEqual(
      items.map((i) => i.id),
      ['8', '2', '3'],
    );
    assert.equal((items[1]!.fields as Record<string, string>).Title, 'Two');
    assert.deepEqual(items[2], { id: '3', deleted: { state: 'deleted' } });
    const again = await drain(`${deltaLink}`);
    assert.ok(again.items.length >= 3, 'an old deltaLink can be replayed');
  });

  it('answers token=latest with no items and a deltaLink from now', async () => {
    const latest = (await client.api(`${base}/items/delta?token=latest`).get()) as DeltaPage;
    assert.deepEqual(latest.value, []);
    assert.ok(latest['@odata.deltaLink']);
    await client.api(`${base}/items`).post(itemBody({ Title: 'O9', Key: 'OBJ-9' }));
    const { items } = await drain(latest['@odata.deltaLink'].slice(h.server.url.length));
    assert.deepEqual(
      items.map((i) => i.id),
      ['9'],
    );
  });

  it('bills 2 resource units for the first call and 1 for a call with a token', async () => {
    const latest = (await client.api(`${base}/items/delta?token=latest`).get()) as DeltaPage;
    await h.local('DELETE', '/_local/stats');
    await client.api(`${base}/items/delta`).get();
    await client.api(latest['@odata.deltaLink']!.slice(h.server.url.length)).get();
    const stats = await h.local<{ apps: Record<string, { resourceUnits: number; requests: number }> }>(
      'GET',
      '/_local/stats',
    );
    assert.deepEqual(stats.apps['tandem-local'], { requests: 2, batchedRequests: 0, resourceUnits: 3, throttled: 0 });
  });

  it('answers 410 Gone (resyncRequired) for an expired token', async () => {
    const latest = (await client.api(`${base}/items/delta?token=latest`).get()) as DeltaPage;
    await h.local('POST', '/_local/delta/expire');
    const e = await expectGraphError(() => client.api(latest['@odata.deltaLink']!.slice(h.server.url.length)).get());
    assert.equal(e.statusCode, 410);
    assert.equal(e.code, 'resyncRequired');
    const fresh = await drain(`${base}/items/delta`);
    assert.ok(fresh.items.length > 0, 'a full resync works after a 410');
  });

  it('answers 400 for a token that is not one', async () => {
    const e = await expectGraphError(() => client.api(`${base}/items/delta?token=garbage`).get());
    assert.equal(e.statusCode, 400);
  });
});

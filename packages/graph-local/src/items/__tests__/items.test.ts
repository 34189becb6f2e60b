import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { ColumnDefinition, List, ListItem, Site } from '@microsoft/microsoft-graph-types';
import { startHarness, expectGraphError } from '../../__tests__/harness.js';
import type { Harness } from '../../__tests__/harness.js';
import { choiceColumn, column, itemBody, listBody, lookupColumn, personColumn } from '../../__tests__/builders.js';

type Page = { value: ListItem[]; '@odata.nextLink'?: string };

describe('lists, columns and items', () => {
  let h: Harness;
  let client: Client;
  let site: Site;
  let list: List;
  let base: string;

  before(async () => {
    h = await startHarness();
    client = await h.client();
    site = (await client.api('/sites/root').get()) as Site;
    list = (await client
      .api(`/sites/${site.id}/lists`)
      .post(
        listBody('Initiatives', [
          column('Key', 'text', true),
          column('Score', 'number'),
          column('Due', 'dateTime', true),
          column('Active', 'boolean', true),
          choiceColumn('Status', ['Proposed', 'Active', 'Done'], true),
        ]),
      )) as List;
    base = `/sites/${site.id}/lists/${list.id}`;
    for (let i = 1; i <= 12; i++) {
      await client.api(`${base}/items`).post(
        itemBody({
          Title: `Initiative ${i}`,
          Key: `INI-${i}`,
          Score: i * 10,
          Due: `2026-0${1 + (i % 9)}-15T00:00:00Z`,
          Active: i % 2 === 0,
          Status: i % 3 === 0 ? 'Done' : 'Active',
        }),
      );
    }
  });
  after(() => h.close());

  it('creates a list with its column definitions, indexed flags included', async () => {
    const got = (await client.api(base).expand('columns').get()) as List;
    const byName = new Map((got.columns ?? []).map((c: ColumnDefinition) => [c.name, c]));
    assert.equal(byName.get('Key')?.indexed, true);
    assert.equal(byName.get('Score')?.indexed, false);
    assert.deepEqual(byName.get('Status')?.choice?.choices, ['Proposed', 'Active', 'Done']);
    assert.ok(byName.get('Title')?.text, 'every generic list has Title');
    assert.equal(got.list?.template, 'genericList');
  });

  it('refuses a second list of the same name with 409 nameAlreadyExists', async () => {
    const e = await expectGraphError(() => client.api(`/sites/${site.id}/lists`).post(listBody('Initiatives', [])));
    assert.equal(e.statusCode, 409);
    assert.equal(e.code, 'nameAlreadyExists');
  });

  it('adds a column and lists the columns', async () => {
    const added = (await client.api(`${base}/columns`).post(column('Notes', 'text'))) as ColumnDefinition;
    assert.ok(added.id);
    const cols = (await client.api(`${base}/columns`).get()) as { value: ColumnDefinition[] };
    assert.ok(cols.value.some((c) => c.name === 'Notes'));
  });

  it('creates an item and answers with its fields, ETag and identity', async () => {
    const item = (await client
      .api(`${base}/items`)
      .post(itemBody({ Title: 'New', Key: 'INI-99', Score: 1 }))) as ListItem;
    assert.match(item.eTag!, /^"\{[0-9A-F-]{36}\},1"$/);
    assert.equal((item as Record<string, unknown>)['@odata.etag'], item.eTag);
    assert.equal(item.fields?.['Key' as keyof typeof item.fields], 'INI-99');
    assert.equal(item.createdBy?.user?.displayName, 'Adele');
    assert.equal(item.parentReference?.siteId, site.id);
    assert.match(
      String((item as Record<string, unknown>)['fields@odata.context']),
      new RegExp(`/lists\\('${list.id}'\\)/items\\('${item.id}'\\)/fields/\\$entity$`),
    );
    await client.api(`${base}/items/${item.id}`).delete();
  });

  it('expands only the selected fields', async () => {
    const page = (await client.api(`${base}/items`).expand('fields($select=Key,Score)').top(1).get()) as Page;
    const fields = page.value[0]!.fields as Record<string, unknown>;
    assert.deepEqual(Object.keys(fields).sort(), ['@odata.etag', 'Key', 'Score']);
  });

  it('answers $select=id,eTag with $expand=fields with those properties and the expanded fields (OData)', async () => {
    const page = (await client
      .api(`${base}/items`)
      .select('id,eTag')
      .expand('fields($select=Key)')
      .top(1)
      .get()) as Page;
    const item = page.value[0] as Record<string, unknown>;
    assert.deepEqual(
      Object.keys(item)
        .filter((k) => !k.startsWith('@odata.'))
        .sort(),
      ['eTag', 'fields', 'fields@odata.context', 'id'],
      'listItem properties not selected (createdBy, webUrl, …) are left out',
    );
    assert.deepEqual(Object.keys(item.fields as object).sort(), ['@odata.etag', 'Key']);
    const plain = (await client.api(`${base}/items`).select('id').top(1).get()) as Page;
    assert.equal(plain.value[0]!.fields, undefined, 'fields come only when expanded');
  });

  it('accepts the options without their $, as the list item pages write them', async () => {
    const res = await h.raw('GET', `${base}/items/3?expand=fields(select=Key)`);
    const item = (await res.json()) as ListItem;
    assert.deepEqual(Object.keys(item.fields as object).sort(), ['@odata.etag', 'Key']);
    const bad = await h.raw('GET', `${base}/items?search=x`);
    assert.equal(bad.status, 400, 'an unsupported option without $ is refused too');
  });

  it('returns column values of one item only with expand=fields', async () => {
    const bare = (await client.api(`${base}/items/2`).get()) as ListItem;
    assert.equal(bare.fields, undefined);
    const full = (await client.api(`${base}/items/2`).expand('fields').get()) as ListItem;
    assert.equal((full.fields as Record<string, string>).Key, 'INI-2');
  });

  it('leaves fields out of a collection unless expanded', async () => {
    const page = (await client.api(`${base}/items`).top(1).get()) as Page;
    assert.equal(page.value[0]!.fields, undefined);
  });

  it('filters on indexed columns with eq, ne, gt, le, and, or, not, startswith', async () => {
    const keys = async (filter: string) => {
      const page = (await client
        .api(`${base}/items`)
        .expand('fields($select=Key)')
        .filter(filter)
        .top(100)
        .get()) as Page;
      return page.value.map((i) => (i.fields as Record<string, string>).Key).sort();
    };
    assert.deepEqual(await keys(`fields/Key eq 'INI-3'`), ['INI-3']);
    assert.deepEqual(await keys(`fields/Status eq 'Done' and fields/Active eq true`), ['INI-12', 'INI-6']);
    assert.deepEqual(await keys(`fields/Key eq 'INI-1' or fields/Key eq 'INI-2'`), ['INI-1', 'INI-2']);
    assert.deepEqual(await keys(`not (fields/Status ne 'Done')`), ['INI-12', 'INI-3', 'INI-6', 'INI-9']);
    assert.deepEqual(await keys(`startswith(fields/Key, 'INI-1')`), ['INI-1', 'INI-10', 'INI-11', 'INI-12']);
    assert.deepEqual(await keys(`fields/Due le '2026-02-15T00:00:00Z'`), ['INI-1', 'INI-10', 'INI-9']);
    assert.deepEqual(await keys(`fields/Due gt 2026-08-01T00:00:00Z`), ['INI-7', 'INI-8']);
  });

  it('refuses a filter on a column that is not indexed, unless Prefer allows it', async () => {
    const e = await expectGraphError(() => client.api(`${base}/items`).filter('fields/Score gt 50').get());
    assert.equal(e.statusCode, 400);
    assert.equal(e.code, 'invalidRequest');
    assert.match(e.message, /Field 'Score' cannot be referenced in filter or orderby as it is not indexed/);
    const page = (await client
      .api(`${base}/items`)
      .header('Prefer', 'HonorNonIndexedQueriesWarningMayFailRandomly')
      .filter('fields/Score gt 100')
      .expand('fields($select=Score)')
      .get()) as Page;
    assert.deepEqual(page.value.map((i) => (i.fields as Record<string, number>).Score).sort(), [110, 120]);
  });

  it('orders, pages with $top and $skiptoken until the last page', async () => {
    const seen: string[] = [];
    let page = (await client
      .api(`${base}/items`)
      .expand('fields($select=Key)')
      .orderby('fields/Key desc')
      .top(5)
      .get()) as Page;
    let pages = 1;
    for (;;) {
      seen.push(...page.value.map((i) => (i.fields as Record<string, string>).Key!));
      if (!page['@odata.nextLink']) break;
      assert.match(page['@odata.nextLink'], /\$skiptoken=/);
      // The SDK treats only https:// links as absolute, so follow the local http link by its path.
      page = (await client.api(page['@odata.nextLink'].slice(h.server.url.length)).get()) as Page;
      pages++;
    }
    assert.equal(pages, 3);
    assert.equal(seen.length, 12);
    assert.deepEqual(seen, [...seen].sort().reverse());
  });

  it('updates fields with If-Match and answers 412 for a stale ETag', async () => {
    const item = (await client.api(`${base}/items/1`).expand('fields').get()) as ListItem;
    const updated = (await client
      .api(`${base}/items/1/fields`)
      .header('If-Match', item.eTag!)
      .patch({ Score: 99 })) as Record<string, unknown>;
    assert.equal(updated.Score, 99);
    assert.match(String(updated['@odata.etag']), /,2"$/);
    const e = await expectGraphError(() =>
      client.api(`${base}/items/1/fields`).header('If-Match', item.eTag!).patch({ Score: 1 }),
    );
    assert.equal(e.statusCode, 412);
    const e2 = await expectGraphError(() => client.api(`${base}/items/1`).header('If-Match', item.eTag!).delete());
    assert.equal(e2.statusCode, 412);
    const after = (await client.api(`${base}/items/1`).expand('fields').get()) as ListItem;
    assert.equal((after.fields as Record<string, number>).Score, 99, 'the refused writes changed nothing');
  });

  it('answers a list read again with the same items, and with an item as it is now once it has changed', async () => {
    const read = async (query: string) =>
      ((await client.api(`${base}/items?${query}`).get()) as Page).value.map((i) => JSON.stringify(i));
    const query = '$select=id,eTag&$expand=fields($select=Key,Score)&$top=50';
    const first = await read(query);
    assert.deepEqual(await read(query), first, 'a second read answers the same');
    // Another shape of the same items is written for that shape, not taken from the first.
    const other = await read('$select=id&$expand=fields($select=Title)&$top=50');
    assert.deepEqual(
      other.map((i) => Object.keys(JSON.parse(i) as object)),
      other.map(() => ['@odata.etag', 'id', 'fields@odata.context', 'fields']),
    );
    assert.ok(other.every((i) => !i.includes('"Score"')));
    const item = (await client.api(`${base}/items/2`).get()) as ListItem;
    await client.api(`${base}/items/2/fields`).header('If-Match', item.eTag!).patch({ Score: 2024 });
    const after = (await read(query)).map((i) => JSON.parse(i) as ListItem);
    const changed = after.find((i) => i.id === '2')!;
    assert.equal((changed.fields as Record<string, unknown>).Score, 2024);
    assert.notEqual(changed.eTag, item.eTag);
    assert.deepEqual(
      after.filter((i) => i.id !== '2').map((i) => JSON.stringify(i)),
      first.filter((i) => (JSON.parse(i) as ListItem).id !== '2'),
      'the other items are as they were',
    );
  });

  it('validates field values and names the field', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ Nope: 1 }, /Field 'Nope' is not recognized/],
      [{ Score: 'ten' }, /Field 'Score' must be a number/],
      [{ Status: 'Lost' }, /Field 'Status' must be one of/],
      [{ Created: '2020-01-01T00:00:00Z' }, /Field 'Created' is read-only/],
      [{ Due: 'not a date' }, /Field 'Due' must be an ISO 8601/],
    ];
    for (const [fields, message] of cases) {
      const e = await expectGraphError(() => client.api(`${base}/items`).post(itemBody(fields)));
      assert.equal(e.statusCode, 400, JSON.stringify(fields));
      assert.match(e.message, message);
    }
  });

  it('stores lookups and people as LookupId fields', async () => {
    const people = (await client
      .api(`/sites/${site.id}/lists`)
      .post(listBody('Owners', [personColumn('Owner', true), lookupColumn('Initiative', list.id!, true)]))) as List;
    const me = (await client
      .api(`/sites/${site.id}/lists/${people.id}/items`)
      .post(itemBody({ Title: 'x' }))) as ListItem;
    const authorId = (me.fields as Record<string, string>).AuthorLookupId!;
    const item = (await client
      .api(`/sites/${site.id}/lists/${people.id}/items`)
      .post(itemBody({ Title: 'y', OwnerLookupId: authorId, InitiativeLookupId: 2 }))) as ListItem;
    assert.equal((item.fields as Record<string, string>).OwnerLookupId, authorId);
    assert.equal((item.fields as Record<string, string>).InitiativeLookupId, '2');
    const e = await expectGraphError(() =>
      client.api(`/sites/${site.id}/lists/${people.id}/items`).post(itemBody({ InitiativeLookupId: 9999 })),
    );
    assert.equal(e.statusCode, 400);
    const filtered = (await client
      .api(`/sites/${site.id}/lists/${people.id}/items`)
      .filter(`fields/InitiativeLookupId eq 2`)
      .get()) as Page;
    assert.deepEqual(
      filtered.value.map((i) => i.id),
      [item.id],
    );
  });

  it('deletes an item; reading it again is 404 itemNotFound', async () => {
    const item = (await client.api(`${base}/items`).post(itemBody({ Title: 'gone' }))) as ListItem;
    await client.api(`${base}/items/${item.id}`).header('If-Match', item.eTag!).delete();
    const e = await expectGraphError(() => client.api(`${base}/items/${item.id}`).get());
    assert.equal(e.statusCode, 404);
    assert.equal(e.code, 'itemNotFound');
  });

  it('refuses query options it does not implement rather than ignoring them', async () => {
    const e = await expectGraphError(() => client.api(`${base}/items`).query({ $search: 'x' }).get());
    assert.equal(e.statusCode, 400);
    assert.match(e.message, /\$search/);
  });

  it('indexes a column in place, after which filtering on it is allowed', async () => {
    const before = await expectGraphError(() => client.api(`${base}/items`).filter('fields/Score eq 30').get());
    assert.equal(before.statusCode, 400);
    const col = (await client.api(`${base}/columns/Score`).patch({ indexed: true })) as ColumnDefinition;
    assert.equal(col.indexed, true);
    const page = (await client
      .api(`${base}/items`)
      .filter('fields/Score eq 30')
      .expand('fields($select=Key)')
      .get()) as Page;
    assert.deepEqual(
      page.value.map((i) => (i.fields as Record<string, string>).Key),
      ['INI-3'],
    );
  });

  it("reads one item's fields, finds lists by filter and selects list properties", async () => {
    const fields = (await client.api(`${base}/items/4/fields`).select('Key,Status').get()) as Record<string, unknown>;
    assert.equal(fields.Key, 'INI-4');
    assert.equal(fields.Title, undefined);
    const lists = (await client
      .api(`/sites/${site.id}/lists`)
      .filter(`displayName eq 'Initiatives'`)
      .select('id,displayName')
      .get()) as { value: List[] };
    assert.deepEqual(
      lists.value.map((l) => [l.id, l.displayName]),
      [[list.id, 'Initiatives']],
    );
    const byName = (await client.api(`/sites/${site.id}/lists/Initiatives`).get()) as List;
    assert.equal(byName.id, list.id);
  });
});

import { strict as assert } from 'node:assert';
import { startHarness } from '../../__tests__/harness.js';
import type { Harness } from '../../__tests__/harness.js';

describe('unique columns (enforceUniqueValues)', () => {
  let h: Harness;
  let headers: Record<string, string>;
  let items: string;
  before(async () => {
    h = await startHarness();
    headers = { authorization: `Bearer ${await h.token()}` };
    const list = (await (
      await h.raw('POST', '/sites/root/lists', {
        headers,
        body: {
          displayName: 'Unique',
          columns: [{ name: 'Code', displayName: 'Code', text: {}, indexed: true, enforceUniqueValues: true }],
          list: { template: 'genericList' },
        },
      })
    ).json()) as { id: string };
    items = `/sites/root/lists/${list.id}/items`;
  });
  after(() => h.close());

  const create = (code: string) => h.raw('POST', items, { headers, body: { fields: { Title: code, Code: code } } });

  it('refuses a second item with the same value (any case) with 409 nameAlreadyExists in SharePoint words', async () => {
    assert.equal((await create('OBJ-1')).status, 201);
    const again = await create('obj-1');
    assert.equal(again.status, 409);
    const error = ((await again.json()) as { error: { code: string; message: string } }).error;
    assert.equal(error.code, 'nameAlreadyExists');
    assert.match(error.message, /duplicate values were found in the following field\(s\) in the list: \[Code\]/);
  });

  it('lets exactly one of many simultaneous creates of one value win, in $batch too', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => create('OBJ-2')));
    assert.deepEqual(answers.map((a) => a.status).sort(), [201, 409, 409, 409, 409, 409, 409, 409]);
    const batch = await h.raw('POST', '/$batch', {
      headers,
      body: {
        requests: ['1', '2'].map((id) => ({
          id,
          method: 'POST',
          url: items,
          headers: { 'content-type': 'application/json' },
          body: { fields: { Code: 'OBJ-3' } },
        })),
      },
    });
    const statuses = ((await batch.json()) as { responses: { status: number }[] }).responses.map((r) => r.status);
    assert.deepEqual(statuses.sort(), [201, 409]);
  });

  it('frees a value when its item changes it or is deleted, and refuses an update onto a taken value', async () => {
    const first = (await (await create('OBJ-4')).json()) as { id: string };
    const second = (await (await create('OBJ-5')).json()) as { id: string };
    const clash = await h.raw('PATCH', `${items}/${second.id}/fields`, { headers, body: { Code: 'OBJ-4' } });
    assert.equal(clash.status, 409);
    assert.equal(
      (await h.raw('PATCH', `${items}/${first.id}/fields`, { headers, body: { Code: 'OBJ-6' } })).status,
      200,
    );
    assert.equal((await create('OBJ-4')).status, 201, 'the old value is free again');
    assert.equal((await h.raw('DELETE', `${items}/${second.id}`, { headers })).status, 204);
    assert.equal((await create('OBJ-5')).status, 201, "a deleted item's value is free");
    const own = await h.raw('PATCH', `${items}/${first.id}/fields`, { headers, body: { Code: 'OBJ-6', Title: 'x' } });
    assert.equal(own.status, 200, 'an item keeps its own value');
  });

  it('answers $select=enforceUniqueValues on columns, as columnDefinition has it', async () => {
    const res = await h.raw('GET', `${items.replace(/\/items$/, '')}/columns?$select=name,enforceUniqueValues`, {
      headers,
    });
    assert.equal(res.status, 200);
    const columns = ((await res.json()) as { value: { name: string; enforceUniqueValues: boolean }[] }).value;
    assert.equal(columns.find((c) => c.name === 'Code')?.enforceUniqueValues, true);
    assert.equal(columns.find((c) => c.name === 'Title')?.enforceUniqueValues, false);
  });
});

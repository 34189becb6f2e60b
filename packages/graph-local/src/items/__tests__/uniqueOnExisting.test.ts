import { strict as assert } from 'node:assert';
import type { Client } from '@microsoft/microsoft-graph-client';
import { expectGraphError, startHarness } from '../../__tests__/harness.js';
import type { Harness } from '../../__tests__/harness.js';

interface Column {
  id: string;
  name: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
}

describe('unique columns: turning "Enforce unique values" on over existing items (PATCH columnDefinition)', () => {
  let h: Harness;
  let client: Client;
  let list: string;
  let code: Column;
  const item = (fields: Record<string, unknown>) =>
    client.api(`${list}/items`).post({ fields }) as Promise<{ id: string }>;
  const patchColumn = (body: Record<string, unknown>) =>
    client.api(`${list}/columns/${code.id}`).patch(body) as Promise<Column>;
  const readColumn = async () =>
    ((await client.api(`${list}/columns`).get()) as { value: Column[] }).value.find((c) => c.name === 'Code')!;

  before(async () => {
    h = await startHarness();
    client = await h.client();
    const created = (await client.api('/sites/root/lists').post({
      displayName: 'Codes',
      columns: [{ name: 'Code', text: {} }],
      list: { template: 'genericList' },
    })) as { id: string };
    list = `/sites/root/lists/${created.id}`;
    code = await readColumn();
  });
  after(() => h.close());

  it('refuses uniqueness on a column that is not indexed, in SharePoint words', async () => {
    const e = await expectGraphError(() => patchColumn({ enforceUniqueValues: true }));
    assert.equal(e.statusCode, 400);
    assert.equal(e.code, 'invalidRequest');
    assert.equal(e.message, 'The field must first be indexed to enforce unique values.');
    assert.equal((await readColumn()).enforceUniqueValues, false);
  });

  it('refuses uniqueness while two items hold the same value (any case), and changes nothing', async () => {
    await item({ Title: 'first', Code: 'OBJ-1' });
    const second = await item({ Title: 'second', Code: 'obj-1' });
    await item({ Title: 'no code' });
    await item({ Title: 'no code either' });
    const e = await expectGraphError(() => patchColumn({ indexed: true, enforceUniqueValues: true }));
    assert.equal(e.statusCode, 400);
    assert.equal(e.code, 'invalidRequest');
    assert.equal(
      e.message,
      'This field contains duplicate values. Remove all duplicate values and try the operations again.',
    );
    const after = await readColumn();
    assert.equal(after.enforceUniqueValues, false);
    assert.equal(after.indexed, false, 'the refused PATCH left the index setting as it was too');
    // The duplicate can still be written, as before.
    await client.api(`${list}/items/${second.id}/fields`).patch({ Title: 'second, edited' });
  });

  it('turns uniqueness on once the duplicate is gone, then guards the values already there', async () => {
    const items = (await client.api(`${list}/items?$expand=fields`).get()) as {
      value: { id: string; fields: { Code?: string } }[];
    };
    const duplicate = items.value.find((i) => i.fields.Code === 'obj-1')!;
    await client.api(`${list}/items/${duplicate.id}/fields`).patch({ Code: 'OBJ-2' });
    const updated = await patchColumn({ indexed: true, enforceUniqueValues: true });
    assert.equal(updated.enforceUniqueValues, true);
    assert.equal(updated.indexed, true);
    // Items without a value do not clash with each other; existing values now do.
    await item({ Title: 'still no code' });
    const clash = await expectGraphError(() => item({ Title: 'clash', Code: 'Obj-1' }));
    assert.equal(clash.statusCode, 409);
    assert.equal(clash.code, 'nameAlreadyExists');
    assert.equal((await expectGraphError(() => item({ Code: 'obj-2' }))).statusCode, 409);
  });

  it('keeps the index while uniqueness is on, and frees the values when it is turned off', async () => {
    const e = await expectGraphError(() => patchColumn({ indexed: false }));
    assert.equal(e.statusCode, 400);
    assert.equal(e.message, 'The field must first be indexed to enforce unique values.');
    await patchColumn({ enforceUniqueValues: false });
    await item({ Title: 'duplicate allowed again', Code: 'OBJ-1' });
    const e2 = await expectGraphError(() => patchColumn({ enforceUniqueValues: true }));
    assert.match(e2.message, /duplicate values/);
  });
});

import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { List, ListItem } from '@microsoft/microsoft-graph-types';
import { startHarness } from './harness.js';
import { itemBody } from './builders.js';
import { createKeyedList } from './fixtures.js';

describe('a data folder', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'graph-local-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps data and tokens across restarts, and takes many concurrent writers without SQLITE_BUSY', async () => {
    const first = await startHarness({ dataDir: dir, memory: false });
    const client = await first.client();
    const { base, list } = await createKeyedList(client, 'Durable');
    const token = await first.token();
    const clients = await Promise.all(Array.from({ length: 8 }, (_, i) => first.client(`writer${i}@contoso.test`)));
    await Promise.all(
      clients.flatMap((c, i) =>
        Array.from({ length: 10 }, (_, j) => c.api(`${base}/items`).post(itemBody({ Key: `K-${i}-${j}` }))),
      ),
    );
    await first.close();

    const second = await startHarness({ dataDir: dir, memory: false });
    const res = await fetch(`${second.server.url}/sites/root/lists/${(list as List).id}/items?$top=100`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(res.status, 200, 'a token signed before the restart is still valid');
    const page = (await res.json()) as { value: ListItem[] };
    assert.equal(page.value.length, 80);
    assert.deepEqual(new Set(page.value.map((i) => i.id)).size, 80);
    await second.close();
  });

  it('answers a read again afresh once another server on the folder has written to it', async () => {
    const first = await startHarness({ dataDir: dir, memory: false });
    const second = await startHarness({ dataDir: dir, memory: false });
    try {
      const { base } = await createKeyedList(await first.client(), 'Shared');
      const read = async () =>
        ((await (await first.client()).api(`${base}/items?$expand=fields&$top=100`).get()) as { value: ListItem[] })
          .value;
      assert.equal((await read()).length, 0);
      assert.equal((await read()).length, 0, 'the same read again');
      await (await second.client()).api(`${base}/items`).post(itemBody({ Key: 'K-other' }));
      const after = await read();
      assert.deepEqual(
        after.map((i) => (i.fields as Record<string, unknown>).Key),
        ['K-other'],
        'the item the other server wrote',
      );
    } finally {
      await first.close();
      await second.close();
    }
  });
});

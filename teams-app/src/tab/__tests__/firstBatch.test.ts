import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { listSchemaOf } from '@tandem/graph';
import { generatedAndExpected } from '../../../../shared/generated.mjs';
import { firstBatchSource, recordFirstBatch } from '../../../tools/firstBatch.js';
import { firstBatchOnRootSite, firstViewKinds } from '../firstView.js';

describe("the tab's first batch, sent by the page before the store's code has loaded", () => {
  it('is the batch the store sends first on the root site (else run `npm run generate -w @tandem/teams-app`)', async () => {
    const recorded = await recordFirstBatch();
    assert.equal(firstBatchOnRootSite, recorded);
  });

  it("reads the first view's kinds and the site with its lists, each once, in one batch", () => {
    const { requests } = JSON.parse(firstBatchOnRootSite) as {
      requests: { id: string; method: string; url: string }[];
    };
    assert.ok(requests.every((request) => request.method === 'GET'));
    assert.deepEqual(
      requests.map((request) => request.id),
      requests.map((_, i) => String(i + 1)),
    );
    const lists = requests.map((request) => decodeURIComponent(request.url.split('?')[0]!));
    for (const kind of firstViewKinds) {
      const { displayName } = listSchemaOf(kind);
      assert.ok(lists.includes(`/sites/root/lists/${displayName}/items`), displayName);
    }
    assert.ok(lists.includes('/sites/root'));
    assert.ok(lists.includes('/sites/root/lists'));
    assert.equal(new Set(lists).size, lists.length);
  });

  it('is written as the generator and the formatter write it', async () => {
    const file = fileURLToPath(new URL('../firstBatch.generated.ts', import.meta.url));
    const [generated, expected] = await generatedAndExpected(file, firstBatchSource(firstBatchOnRootSite));
    assert.equal(generated, expected);
  });
});

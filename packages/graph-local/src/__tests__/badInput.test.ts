import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';
import { createKeyedList } from './fixtures.js';

/** Every answer to bad input is a Graph-shaped 4xx, never a 5xx or a dropped connection. */
async function expectClientError(res: Response): Promise<void> {
  assert.ok(res.status >= 200 && res.status < 500, `status ${res.status}`);
  if (res.status >= 400) {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    assert.equal(typeof body.error?.code, 'string');
    assert.equal(typeof body.error?.message, 'string');
  } else {
    await res.arrayBuffer();
  }
}

describe('never crashes on bad input', () => {
  let h: Harness;
  let base: string;
  before(async () => {
    h = await startHarness();
    const client = await h.client();
    ({ base } = await createKeyedList(client, 'Fuzz'));
  });
  after(() => h.close());

  const filterAlphabet = fc.constantFrom(
    'fields/Key',
    'fields/Score',
    'fields/Nope',
    'id',
    ' eq ',
    ' ne ',
    ' gt ',
    ' and ',
    ' or ',
    'not ',
    '(',
    ')',
    "'",
    "'x'",
    '1',
    '-2.5',
    'true',
    'null',
    '2026-01-01T00:00:00Z',
    'startswith(',
    ',',
    '/any(x: x eq 1)',
    '$',
    '%',
  );

  it('answers random $filter, $orderby and $top on items with 2xx or a Graph 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(filterAlphabet, { maxLength: 8 }).map((parts) => parts.join('')),
        fc.constantFrom(undefined, 'fields/Key', 'fields/Key desc', 'fields/Score', 'bogus desc desc', ''),
        fc.constantFrom(undefined, '1', '0', '-1', 'abc', '5001'),
        async (filter, orderby, top) => {
          const q = new URLSearchParams({ $expand: 'fields' });
          if (filter) q.set('$filter', filter);
          if (orderby !== undefined) q.set('$orderby', orderby);
          if (top !== undefined) q.set('$top', top);
          await expectClientError(await h.raw('GET', `${base}/items?${q}`));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('answers random JSON bodies to every write with 2xx or a Graph 4xx', async () => {
    const targets = [
      ['POST', `${base}/items`],
      ['PATCH', `${base}/items/1/fields`],
      ['POST', '/sites/root/lists'],
      ['POST', `${base}/columns`],
      ['POST', '/$batch'],
      ['POST', '/me/outlook/masterCategories'],
    ] as const;
    await h.raw('POST', `${base}/items`, { body: { fields: { Key: 'first' } } });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), fc.jsonValue({ maxDepth: 3 }), async ([method, path], body) => {
        await expectClientError(await h.raw(method, path, { body }));
      }),
      { numRuns: 150 },
    );
  });

  it('answers random bytes as a body with 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 50 }), async (text) => {
        fc.pre(!isJson(`{${text}`)); // `{` + `}` is a valid (empty) item, not random bytes
        const res = await h.raw('POST', `${base}/items`, { rawBody: `{${text}` });
        assert.equal(res.status, 400);
        await res.arrayBuffer();
      }),
      { numRuns: 50 },
    );
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

import { strict as assert } from 'node:assert';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';
import { forwardedServiceRoot } from '../server.js';
import { itemBody, listBody } from './builders.js';

/** A proxy in front of the server (the app server's `/graph`) says where it forwarded the request from. */
const forwarded = {
  'x-forwarded-proto': 'http',
  'x-forwarded-host': 'localhost:3978',
  'x-forwarded-prefix': '/graph',
};
const proxyRoot = 'http://localhost:3978/graph/v1.0';

describe('requests forwarded by a proxy', () => {
  let h: Harness;

  let items: string;

  before(async () => {
    h = await startHarness();
    const res = await h.raw('POST', '/sites/root/lists', { body: listBody('Forwarded', []) });
    assert.equal(res.status, 201);
    items = `/sites/root/lists/${((await res.json()) as { id: string }).id}/items`;
    for (let i = 1; i <= 3; i++) {
      assert.equal((await h.raw('POST', items, { body: itemBody({ Title: `Item ${i}` }) })).status, 201);
    }
  });
  after(() => h.close());

  it('names the proxy in every link of the answer, and the server itself otherwise', async () => {
    const viaProxy = (await (await h.raw('GET', `${items}?$top=1`, { headers: forwarded })).json()) as Record<
      string,
      string
    >;
    assert.ok(viaProxy['@odata.context']!.startsWith(`${proxyRoot}/$metadata#`), viaProxy['@odata.context']);
    assert.ok(viaProxy['@odata.nextLink']!.startsWith(`${proxyRoot}/sites/`), viaProxy['@odata.nextLink']);
    const direct = (await (await h.raw('GET', `${items}?$top=1`)).json()) as Record<string, string>;
    assert.ok(direct['@odata.context']!.startsWith(`${h.server.url}/$metadata#`));
    assert.ok(direct['@odata.nextLink']!.startsWith(`${h.server.url}/sites/`));
  });

  it('names the proxy in the answers of a $batch it forwarded', async () => {
    const res = await h.raw('POST', '/$batch', {
      headers: forwarded,
      body: { requests: [{ id: '1', method: 'GET', url: `${items}?$top=1` }] },
    });
    const batch = (await res.json()) as { responses: { body: Record<string, string> }[] };
    assert.ok(batch.responses[0]!.body['@odata.nextLink']!.startsWith(`${proxyRoot}/sites/`));
  });

  it('ignores forwarded headers that are missing or malformed', () => {
    assert.equal(forwardedServiceRoot(forwarded), proxyRoot);
    assert.equal(
      forwardedServiceRoot({ ...forwarded, 'x-forwarded-proto': 'https' }),
      'https://localhost:3978/graph/v1.0',
    );
    assert.equal(forwardedServiceRoot({ ...forwarded, 'x-forwarded-prefix': '' }), 'http://localhost:3978/v1.0');
    assert.equal(forwardedServiceRoot({ 'x-forwarded-host': 'localhost:3978' }), undefined);
    assert.equal(forwardedServiceRoot({ ...forwarded, 'x-forwarded-proto': 'javascript' }), undefined);
    assert.equal(forwardedServiceRoot({ ...forwarded, 'x-forwarded-host': 'evil.test/"><x' }), undefined);
    assert.equal(forwardedServiceRoot({ ...forwarded, 'x-forwarded-prefix': 'graph' }), undefined);
    assert.equal(forwardedServiceRoot({ ...forwarded, 'x-forwarded-prefix': '/graph/../x' }), undefined);
  });
});

import { strict as assert } from 'node:assert';
import type { Site } from '@microsoft/microsoft-graph-types';
import { startHarness, expectGraphError } from '../../__tests__/harness.js';
import type { Harness } from '../../__tests__/harness.js';

describe('sites', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    await h.local('POST', '/_local/sites', { path: '/sites/tandem', displayName: 'Tandem' });
  });
  after(() => h.close());

  it('serves the root site of the local tenant', async () => {
    const client = await h.client();
    const site = (await client.api('/sites/root').get()) as Site & { '@odata.context': string };
    assert.match(site.id!, /^contoso\.sharepoint\.com,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    assert.deepEqual(site.root, {});
    assert.equal(site.webUrl, 'https://contoso.sharepoint.com');
    assert.match(site['@odata.context'], /\/v1\.0\/\$metadata#sites\/\$entity$/);
  });

  it('resolves a site by host name and server-relative path, and by its id', async () => {
    const client = await h.client();
    const byPath = (await client.api('/sites/contoso.sharepoint.com:/sites/tandem').get()) as Site;
    assert.equal(byPath.displayName, 'Tandem');
    assert.equal(byPath.root, undefined);
    const byId = (await client.api(`/sites/${byPath.id}`).select('displayName,webUrl').get()) as Site;
    assert.equal(byId.webUrl, 'https://contoso.sharepoint.com/sites/tandem');
  });

  it('answers 404 itemNotFound for a site that does not exist', async () => {
    const client = await h.client();
    const e = await expectGraphError(() => client.api('/sites/contoso.sharepoint.com:/sites/nowhere').get());
    assert.equal(e.statusCode, 404);
    assert.equal(e.code, 'itemNotFound');
  });
});

import { strict as assert } from 'node:assert';
import { startHarness, expectGraphError } from '../../__tests__/harness.js';
import type { Harness } from '../../__tests__/harness.js';

/** A fault rule body for `POST /_local/faults`. */
function fault(rule: Record<string, unknown>) {
  return { match: '/sites/root', ...rule };
}

describe('fault injection', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());
  afterEach(() => h.local('DELETE', '/_local/faults'));

  it('answers 429 with Retry-After for the counted requests, then recovers', async () => {
    await h.local('POST', '/_local/faults', fault({ status: 429, retryAfter: 3, count: 2 }));
    const client = await h.client();
    for (let i = 0; i < 2; i++) {
      const e = await expectGraphError(() => client.api('/sites/root').get());
      assert.equal(e.statusCode, 429);
      assert.equal(e.code, 'TooManyRequests');
      assert.equal(e.headers?.get('retry-after'), '3');
    }
    await client.api('/sites/root').get();
    const stats = await h.local<{ apps: Record<string, { throttled: number }> }>('GET', '/_local/stats');
    assert.ok(stats.apps['tandem-local']!.throttled >= 2);
  });

  it('answers 503 serviceNotAvailable only for the matching method', async () => {
    await h.local('POST', '/_local/faults', fault({ status: 503, retryAfter: 1, method: 'POST' }));
    const client = await h.client();
    await client.api('/sites/root').get();
    const e = await expectGraphError(() => client.api('/sites/root/lists').post({ displayName: 'Faulted' }));
    assert.equal(e.statusCode, 503);
    assert.equal(e.code, 'serviceNotAvailable');
    await h.local('DELETE', '/_local/faults');
    const lists = (await client.api('/sites/root/lists').get()) as { value: unknown[] };
    assert.equal(lists.value.length, 0, 'the faulted write left nothing behind');
  });

  it('drops the connection for a reset', async () => {
    await h.local('POST', '/_local/faults', fault({ reset: true, count: 1 }));
    await assert.rejects(h.raw('GET', '/sites/root'));
    const res = await h.raw('GET', '/sites/root');
    assert.equal(res.status, 200);
  });

  it('applies a write, then drops the connection without an answer (afterApply)', async () => {
    await h.local('POST', '/_local/faults', fault({ reset: true, afterApply: true, method: 'POST', count: 1 }));
    const client = await h.client();
    await assert.rejects(client.api('/sites/root/lists').post({ displayName: 'Landed' }));
    const lists = (await client.api('/sites/root/lists').get()) as { value: { displayName: string }[] };
    assert.deepEqual(
      lists.value.map((l) => l.displayName),
      ['Landed'],
      'the write whose answer was lost is on the server, once',
    );
  });

  it('applies a PATCH with If-Match before dropping it, so the retry is a 412 on the new version', async () => {
    const client = await h.client();
    const list = (await client.api('/sites/root/lists').post({
      displayName: 'Patched',
      columns: [{ name: 'Note', text: {} }],
    })) as { id: string };
    const item = (await client.api(`/sites/root/lists/${list.id}/items`).post({ fields: { Title: 'v1' } })) as {
      id: string;
      eTag: string;
    };
    await h.local('POST', '/_local/faults', fault({ reset: true, afterApply: true, method: 'PATCH', count: 1 }));
    const path = `/sites/root/lists/${list.id}/items/${item.id}/fields`;
    await assert.rejects(h.raw('PATCH', path, { body: { Title: 'v2' }, headers: { 'if-match': item.eTag } }));
    const retry = await h.raw('PATCH', path, { body: { Title: 'v2' }, headers: { 'if-match': item.eTag } });
    assert.equal(retry.status, 412, 'the first PATCH moved the version on');
    const now = (await client.api(`/sites/root/lists/${list.id}/items/${item.id}?$expand=fields`).get()) as {
      eTag: string;
      fields: { Title: string };
    };
    assert.equal(now.fields.Title, 'v2');
    assert.notEqual(now.eTag, item.eTag);
  });

  it('applies a write, then answers with the rule status (afterApply with status)', async () => {
    await h.local('POST', '/_local/faults', fault({ status: 504, afterApply: true, method: 'POST', count: 1 }));
    const client = await h.client();
    const e = await expectGraphError(() => client.api('/sites/root/lists').post({ displayName: 'Timed out' }));
    assert.equal(e.statusCode, 504);
    const lists = (await client.api('/sites/root/lists').get()) as { value: { displayName: string }[] };
    assert.ok(
      lists.value.some((l) => l.displayName === 'Timed out'),
      'the write landed despite the error answer',
    );
  });

  it('a write the site refuses is not faulted after: the refusal is the answer', async () => {
    await h.local('POST', '/_local/faults', fault({ reset: true, afterApply: true, method: 'POST' }));
    const res = await h.raw('POST', '/sites/root/lists', { body: { displayName: 42 } });
    assert.equal(res.status, 400);
  });

  it('refuses afterApply without a fault to answer with', async () => {
    await assert.rejects(h.local('POST', '/_local/faults', { match: '/x', afterApply: true, delayMs: 5 }), /400/);
    await assert.rejects(h.local('POST', '/_local/faults', { match: '/x', afterApply: 'yes', reset: true }), /400/);
  });

  it('refuses a rule without an effect or with a bad rate', async () => {
    await assert.rejects(h.local('POST', '/_local/faults', { match: '/x' }), /400/);
    await assert.rejects(h.local('POST', '/_local/faults', { match: '/x', status: 429, rate: 2 }), /400/);
  });

  it('a rate of 0 never fires and a rate of 1 always does', async () => {
    await h.local('POST', '/_local/faults', fault({ status: 500, rate: 0 }));
    assert.equal((await h.raw('GET', '/sites/root')).status, 200);
    await h.local('DELETE', '/_local/faults');
    await h.local('POST', '/_local/faults', fault({ status: 500, rate: 1 }));
    assert.equal((await h.raw('GET', '/sites/root')).status, 500);
  });
});

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

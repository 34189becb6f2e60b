import { strict as assert } from 'node:assert';
import { startHarness } from '../../__tests__/harness.js';
import type { Harness } from '../../__tests__/harness.js';

describe("another user's mailbox", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('is 403 ErrorAccessDenied under /users/{upn}, for every method; the own one points to /me', async () => {
    await h.token('adele@contoso.test');
    const headers = { authorization: `Bearer ${await h.token('megan@contoso.test')}` };
    for (const [method, path] of [
      ['GET', '/users/adele@contoso.test/messages'],
      ['PATCH', '/users/adele@contoso.test/messages/AAMk1'],
      ['POST', '/users/adele@contoso.test/events/AAMk2/extensions'],
      ['GET', '/users/adele@contoso.test/outlook/masterCategories'],
    ] as const) {
      const res = await h.raw(method, path, method === 'GET' ? { headers } : { headers, body: {} });
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'ErrorAccessDenied');
    }
    const own = await h.raw('GET', '/users/megan@contoso.test/messages', { headers });
    assert.equal(own.status, 400);
    assert.match(await own.text(), /under \/me/);
  });
});

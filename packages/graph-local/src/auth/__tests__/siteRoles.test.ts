import { strict as assert } from 'node:assert';
import { startHarness } from '../../__tests__/harness.js';
import type { Harness } from '../../__tests__/harness.js';

describe('site permission levels', () => {
  let h: Harness;
  let listPath: string;
  let itemId: string;
  before(async () => {
    h = await startHarness();
    const member = await h.token('adele@contoso.test');
    const auth = { authorization: `Bearer ${member}` };
    const list = (await (
      await h.raw('POST', '/sites/root/lists', {
        headers: auth,
        body: { displayName: 'Roles', list: { template: 'genericList' } },
      })
    ).json()) as { id: string };
    listPath = `/sites/root/lists/${list.id}`;
    const item = (await (
      await h.raw('POST', `${listPath}/items`, { headers: auth, body: { fields: { Title: 'one' } } })
    ).json()) as { id: string };
    itemId = item.id;
  });
  after(() => h.close());

  async function readerToken(): Promise<string> {
    return (
      await h.local<{ access_token: string }>('POST', '/_local/token', { user: 'rita@contoso.test', role: 'reader' })
    ).access_token;
  }

  it('lets a reader read items but refuses every write with 403 accessDenied, in a batch too', async () => {
    const headers = { authorization: `Bearer ${await readerToken()}` };
    assert.equal((await h.raw('GET', `${listPath}/items?$expand=fields`, { headers })).status, 200);
    const writes: [string, string, unknown][] = [
      ['POST', `${listPath}/items`, { fields: { Title: 'two' } }],
      ['PATCH', `${listPath}/items/${itemId}/fields`, { Title: 'changed' }],
      ['DELETE', `${listPath}/items/${itemId}`, undefined],
      ['POST', '/sites/root/lists', { displayName: 'Mine', list: { template: 'genericList' } }],
    ];
    for (const [method, path, body] of writes) {
      const res = await h.raw(method, path, body === undefined ? { headers } : { headers, body });
      assert.equal(res.status, 403, `${method} ${path}`);
      const error = ((await res.json()) as { error: { code: string; message: string } }).error;
      assert.equal(error.code, 'accessDenied');
      assert.match(error.message, /Access denied/);
    }
    const batch = await h.raw('POST', '/$batch', {
      headers,
      body: {
        requests: [
          { id: '1', method: 'GET', url: `${listPath}/items/${itemId}` },
          {
            id: '2',
            method: 'PATCH',
            url: `${listPath}/items/${itemId}/fields`,
            headers: { 'content-type': 'application/json' },
            body: { Title: 'batched' },
          },
        ],
      },
    });
    const answers = ((await batch.json()) as { responses: { id: string; status: number }[] }).responses;
    assert.deepEqual(answers.map((a) => [a.id, a.status]).sort(), [
      ['1', 200],
      ['2', 403],
    ]);
    const after = await h.raw('GET', `${listPath}/items/${itemId}?$expand=fields`, { headers });
    assert.equal(((await after.json()) as { fields: { Title: string } }).fields.Title, 'one', 'nothing changed');
  });

  it("keeps a reader's own mailbox writable (the role is about the sites)", async () => {
    const headers = { authorization: `Bearer ${await readerToken()}` };
    const res = await h.raw('POST', '/me/outlook/masterCategories', {
      headers,
      body: { displayName: 'INI-1', color: 'preset1' },
    });
    assert.equal(res.status, 201);
  });

  it('makes the user a member again with role member, and refuses an unknown role naming the field', async () => {
    await readerToken();
    const member = await h.local<{ access_token: string }>('POST', '/_local/token', {
      user: 'rita@contoso.test',
      role: 'member',
    });
    const res = await h.raw('PATCH', `${listPath}/items/${itemId}/fields`, {
      headers: { authorization: `Bearer ${member.access_token}` },
      body: { Title: 'edited by rita' },
    });
    assert.equal(res.status, 200);
    const bad = await fetch(`${h.server.origin}/_local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'rita@contoso.test', role: 'owner' }),
    });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /'role' must be one of member, reader/);
  });
});

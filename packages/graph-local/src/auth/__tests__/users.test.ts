import { strict as assert } from 'node:assert';
import type { User } from '@microsoft/microsoft-graph-types';
import { startHarness, expectGraphError } from '../../__tests__/harness.js';
import type { Harness } from '../../__tests__/harness.js';

describe('users', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('answers /me as the user the token names', async () => {
    const me = (await (await h.client('adele.vance@contoso.test')).api('/me').get()) as User;
    assert.equal(me.userPrincipalName, 'adele.vance@contoso.test');
    assert.equal(me.displayName, 'Adele Vance');
    const megan = (await (await h.client('megan@contoso.test')).api('/me').select('id,displayName').get()) as User;
    assert.notEqual(megan.id, me.id);
  });

  it('finds a user by principal name or id, 404 otherwise', async () => {
    const client = await h.client('adele.vance@contoso.test');
    const me = (await client.api('/me').get()) as User;
    const byUpn = (await client.api('/users/adele.vance@contoso.test').get()) as User;
    const byId = (await client.api(`/users/${me.id}`).get()) as User;
    assert.equal(byUpn.id, me.id);
    assert.equal(byId.userPrincipalName, me.userPrincipalName);
    const e = await expectGraphError(() => client.api('/users/nobody@contoso.test').get());
    assert.equal(e.statusCode, 404);
  });
});

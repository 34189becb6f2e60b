import * as assert from 'node:assert/strict';
import { SettingsError, connectionId, dataMode, listsAreStale, localOrigin } from '../connect.js';

describe('settings', () => {
  it('picks local mode from tandem.graphUrl, tenant mode from tenant and client ids', () => {
    assert.equal(dataMode({ graphUrl: 'http://127.0.0.1:4300', localUser: 'a@b.c' }), 'local');
    assert.equal(dataMode({ localUser: 'a@b.c', tenantId: 't', clientId: 'c' }), 'tenant');
    assert.equal(dataMode({ localUser: 'a@b.c', tenantId: 't' }), undefined);
  });

  it('reads the local origin, with or without /v1.0, and names the bad setting', () => {
    assert.equal(localOrigin('http://127.0.0.1:4300/v1.0/'), 'http://127.0.0.1:4300');
    assert.equal(localOrigin(' http://localhost:4300 '), 'http://localhost:4300');
    assert.throws(
      () => localOrigin('not a url'),
      (e: unknown) => e instanceof SettingsError && e.field === 'tandem.graphUrl',
    );
    assert.throws(() => localOrigin('ftp://x'), SettingsError);
  });

  it('keys the cache by server and user, or tenant and site', () => {
    assert.equal(
      connectionId({ graphUrl: 'http://127.0.0.1:4300/v1.0', localUser: 'Megan@contoso.test' }),
      'local:http://127.0.0.1:4300:megan@contoso.test',
    );
    assert.equal(connectionId({ localUser: 'x', tenantId: 't', clientId: 'c' }), 'tenant:t:root');
    assert.throws(() => connectionId({ localUser: 'x' }), SettingsError);
  });
});

describe('listsAreStale', () => {
  it('recognises a missing list through the error and its causes, and nothing else', () => {
    assert.equal(listsAreStale({ status: 404 }), true);
    assert.equal(listsAreStale(new Error('wrapped', { cause: { code: 'itemNotFound' } })), true);
    assert.equal(listsAreStale({ status: 503 }), false);
    assert.equal(listsAreStale(new Error('ECONNREFUSED')), false);
    assert.equal(listsAreStale(undefined), false);
  });
});

import assert from 'node:assert/strict';
import { startLocalGraph, type LocalGraph } from '../../__tests__/localGraph.js';
import { localTokenProvider } from '../localTokenProvider.js';
import { createGraphClient } from '../graphClient.js';

describe('localTokenProvider', () => {
  let graph: LocalGraph;
  before(async () => {
    graph = await startLocalGraph();
  });
  after(() => graph.close());

  it('signs in to the local server, reuses the token, and fetches a new one when it is about to expire', async () => {
    let now = Date.parse('2026-03-01T09:00:00Z');
    let signIns = 0;
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      if (String(input).endsWith('/_local/token')) signIns++;
      return realFetch(input, init);
    };
    const tokens = localTokenProvider(graph.server.origin, 'adele@contoso.test', { now: () => new Date(now) });
    try {
      const first = await tokens.getToken(['Sites.ReadWrite.All']);
      assert.equal(await tokens.getToken([]), first);
      assert.equal(signIns, 1, 'the token is reused');
      now += 2 * 3600 * 1000;
      await tokens.getToken([]);
      assert.equal(signIns, 2, 'an expired token is fetched again');
    } finally {
      globalThis.fetch = realFetch;
    }
    const client = createGraphClient({ baseUrl: graph.server.url, tokenProvider: tokens });
    const site = await client.get<{ id: string }>('/sites/root');
    assert.ok(site.id, 'the renewed token is accepted');
  });

  it('fails clearly when the server refuses', async () => {
    await assert.rejects(localTokenProvider(`${graph.server.origin}/nowhere`, 'x').getToken([]), /local sign-in/);
  });
});

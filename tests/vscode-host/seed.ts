/**
 * The local Graph server with the demo portfolio, for the extension's suites: provisioned and seeded through the real
 * adapter (`GraphStore`), exactly as `npm start` and a real tenant would be.
 */
import { demoPortfolio } from '@tandem/core';
import { GraphStore, createGraphClient, localTokenProvider, provision, resolveSite } from '@tandem/graph';
import { startGraphLocal, type GraphLocalServer } from '@tandem/graph-local';
import { PORTFOLIO_KINDS } from '../../vscode-extension/src/data/portfolioSource.js';

/** A seeded local server and a store on it. */
export interface SeededGraph {
  server: GraphLocalServer;
  store: GraphStore;
  close: () => Promise<void>;
}

/** Starts an in-memory local server, provisions the lists and seeds the demo portfolio dated at `now`. */
export async function startSeededGraph(now = new Date(), user = 'megan@contoso.test'): Promise<SeededGraph> {
  const server = await startGraphLocal({ port: 0, memory: true });
  const client = createGraphClient({ baseUrl: server.url, tokenProvider: localTokenProvider(server.origin, user) });
  const site = await resolveSite(client);
  const lists = await provision(client, site.id);
  const store = new GraphStore(client, { siteId: site.id, listIds: lists.listIds });
  const demo = demoPortfolio(now);
  // The kinds the extension reads, in the order it lists them (parents before children).
  for (const kind of PORTFOLIO_KINDS) await store.createMany(kind, demo[kind] as never[]);
  return { server, store, close: () => server.close() };
}

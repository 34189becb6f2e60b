/**
 * A whole local Tandem for a browser suite, in this process: the local Graph server in memory, seeded with the demo
 * portfolio through `tandem start`'s own seeding, and the app server on a free port serving the production build
 * (built first when missing or stale). Also a Graph store for the test itself, to check and make changes behind the UI.
 */
import { join } from 'node:path';
import { startGraphLocal, type GraphLocalServer } from '@tandem/graph-local';
import {
  createGraphClient,
  GraphStore,
  localTokenProvider,
  provision,
  resolveSite,
  type GraphClient,
} from '@tandem/graph';
import { buildApp, buildStaleness, demoUser, repoRoot, seedDemo, startAppServer, type AppServer } from '@tandem/cli';

/** A running local Tandem. */
export interface LocalApp {
  graph: GraphLocalServer;
  app: AppServer;
  /** `http://localhost:PORT` */
  url: string;
  /** Graph as the demo user, straight to the local server (not through the app). */
  client: GraphClient;
  store: GraphStore;
  close(): Promise<void>;
}

/** Builds the app if needed, starts both servers and seeds the demo data. */
export async function startLocalApp(): Promise<LocalApp> {
  const root = repoRoot();
  const stale = buildStaleness(root);
  if (stale) await buildApp(root);
  const graph = await startGraphLocal({ memory: true });
  try {
    await seedDemo(graph.url, graph.origin);
    const app = await startAppServer({
      buildDir: join(root, 'teams-app', 'build'),
      graphOrigin: graph.origin,
      port: 0,
      localUser: demoUser,
    });
    const client = createGraphClient({ baseUrl: graph.url, tokenProvider: localTokenProvider(graph.origin, demoUser) });
    const site = await resolveSite(client, 'root');
    const lists = await provision(client, site.id);
    const store = new GraphStore(client, { siteId: site.id, listIds: lists.listIds });
    return {
      graph,
      app,
      url: app.url,
      client,
      store,
      close: async () => {
        await app.close();
        await graph.close();
      },
    };
  } catch (error) {
    await graph.close();
    throw error;
  }
}

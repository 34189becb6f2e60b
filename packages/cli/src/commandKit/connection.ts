import {
  createGraphClient,
  GraphStore,
  provision,
  resolveSite,
  localTokenProvider,
  type GraphClient,
  type ProvisionResult,
  type SiteRef,
} from '@tandem/graph';
import type { TokenProvider } from '@tandem/core';
import type { CommandIO } from '../command.js';
import { replayOutbox } from '../outbox/replayOutbox.js';
import { configFolder } from '../signIn/configFolder.js';
import { cachedTokenProvider } from '../signIn/deviceCodeSignIn.js';
import type { GraphArgs } from './commandArgs.js';

/** Whether `graphUrl` is a server on this machine (the local Graph server), which signs in with dev tokens. */
export function isLocalGraph(graphUrl: string): boolean {
  const host = new URL(graphUrl).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
}

/**
 * Where the local server's `/_local/*` endpoints are for a Graph URL: the URL without its version segment
 * (`http://127.0.0.1:4100/v1.0` → `http://127.0.0.1:4100`; through `tandem start`'s proxy,
 * `http://127.0.0.1:3978/graph/v1.0` → `http://127.0.0.1:3978/graph`).
 */
export function localOrigin(graphUrl: string): string {
  return graphUrl.replace(/\/+$/, '').replace(/\/(v1\.0|beta)$/, '');
}

/** The token source for `graphUrl`: the local server's dev token for `user`, else the cache `tandem login` filled. */
export function tokenProviderFor(args: GraphArgs): TokenProvider {
  if (isLocalGraph(args.graph)) return localTokenProvider(localOrigin(args.graph), args.user);
  return cachedTokenProvider(configFolder());
}

/** A Graph client for the command's `--graph`. */
export function graphClientFor(args: GraphArgs): GraphClient {
  return createGraphClient({ baseUrl: args.graph, tokenProvider: tokenProviderFor(args) });
}

/** A site made ready for Tandem: its lists exist at the current schema version, and a store over them. */
export interface SiteConnection {
  client: GraphClient;
  site: SiteRef;
  provisioned: ProvisionResult;
  store: GraphStore;
}

/**
 * Connects to the command's site and makes sure Tandem's lists are there (provisioning is idempotent: on a site at the
 * current version it costs two reads), then opens a `GraphStore` over them. With `io`, writes earlier runs kept while
 * Graph was unreachable are sent first (one line on stderr when any were).
 */
export async function connectSite(args: GraphArgs, io?: CommandIO): Promise<SiteConnection> {
  const client = graphClientFor(args);
  const site = await resolveSite(client, args.site);
  const provisioned = await provision(client, site.id);
  const store = new GraphStore(client, { siteId: site.id, listIds: provisioned.listIds });
  if (io) await replayOutbox(args, store, io);
  return { client, site, provisioned, store };
}

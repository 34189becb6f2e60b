/**
 * The store a page reads and writes: Tandem's SharePoint lists on the chosen site, through Microsoft Graph (or the
 * local server), behind core's `Store` port; and the Graph client, for what is not in the store (meetings, mail).
 */
import type { EntityKind, Store, TokenProvider } from '@tandem/core';
import {
  createGraphClient,
  GraphStore,
  listsByTitle,
  provision,
  resolveSite,
  siteChanged,
  type GraphClient,
  type InvalidItemHandler,
  type SiteLists,
} from '@tandem/graph';
import { prefetchedStore } from './prefetchedStore.js';

/** An open store, the client under it, and where its lists are. */
export interface OpenedStore {
  store: Store;
  graph: GraphClient;
  lists: SiteLists;
}

/** Opens the store on `site` (`root`, a site URL or a Graph site id). Provisioning is idempotent: on a ready site it only reads. */
export async function openStore(graphBaseUrl: string, tokenProvider: TokenProvider, site: string): Promise<Store> {
  return (await openSite(graphBaseUrl, tokenProvider, site)).store;
}

/**
 * Like {@link openStore}, and also hands back the Graph client under the store. `onInvalidItem` hears of each list
 * item the store skips because it failed validation (the page names them in a warning). `prefetch` names the kinds the
 * page's first view reads: they are asked for beside provisioning, and the view's first query of each takes the answer
 * (see {@link prefetchedStore}).
 */
export async function openSite(
  graphBaseUrl: string,
  tokenProvider: TokenProvider,
  site: string,
  onInvalidItem?: InvalidItemHandler,
  prefetch: readonly EntityKind[] = [],
): Promise<OpenedStore> {
  const graph = createGraphClient({ baseUrl: graphBaseUrl, tokenProvider, batchReads: true });
  const options = onInvalidItem ? { onInvalidItem } : {};
  // Graph addresses a site by `root` or its id, and a list by its title, as well as by the ids resolveSite and
  // provision answer: so the site, its lists and the first view's reads all go at once rather than one after another.
  // Only a site URL has to be resolved first.
  const given = siteAddress(site);
  const resolved = given === undefined ? await resolveSite(graph, site) : undefined;
  const address = given ?? resolved!.id;
  const store = new GraphStore(graph, listsByTitle(address), options);
  const prefetched = prefetchedStore(store, prefetch);
  const [siteRef, lists] = await Promise.all([resolved ?? resolveSite(graph, site), provision(graph, address)]);
  const siteLists: SiteLists = { siteId: siteRef.id, listIds: lists.listIds };
  store.useLists(siteLists);
  // Reads sent before provisioning created a list or added a column may miss it: they are asked again.
  if (siteChanged(lists)) prefetched.drop();
  return { store: prefetched.store, graph, lists: siteLists };
}

/** `site` when Graph can address the site by it as given (`root`, or a site id), else undefined (a URL). */
function siteAddress(site: string): string | undefined {
  const input = site.trim();
  if (input === '' || input.toLowerCase() === 'root') return 'root';
  return /^https?:\/\//i.test(input) ? undefined : input;
}

/**
 * The store a page reads and writes: Tandem's SharePoint lists on the chosen site, through Microsoft Graph (or the
 * local server), behind core's `Store` port; and the Graph client, for what is not in the store (meetings, mail).
 */
import type { Store, TokenProvider } from '@tandem/core';
import {
  createGraphClient,
  GraphStore,
  provision,
  resolveSite,
  type GraphClient,
  type InvalidItemHandler,
  type SiteLists,
} from '@tandem/graph';

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
 * item the store skips because it failed validation (the page names them in a warning).
 */
export async function openSite(
  graphBaseUrl: string,
  tokenProvider: TokenProvider,
  site: string,
  onInvalidItem?: InvalidItemHandler,
): Promise<OpenedStore> {
  const graph = createGraphClient({ baseUrl: graphBaseUrl, tokenProvider });
  const siteRef = await resolveSite(graph, site);
  const lists = await provision(graph, siteRef.id);
  const options = onInvalidItem ? { onInvalidItem } : {};
  const siteLists: SiteLists = { siteId: siteRef.id, listIds: lists.listIds };
  return { store: new GraphStore(graph, siteLists, options), graph, lists: siteLists };
}

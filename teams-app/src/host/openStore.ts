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
  // Graph reads a site's lists by `root` or by id as well as by the id resolveSite answers: then both requests go at
  // once rather than one after the other. A site URL has to be resolved first.
  const address = siteAddress(site);
  const [siteRef, lists] = address
    ? await Promise.all([resolveSite(graph, site), provision(graph, address)])
    : await resolveSite(graph, site).then(async (ref) => [ref, await provision(graph, ref.id)] as const);
  const options = onInvalidItem ? { onInvalidItem } : {};
  const siteLists: SiteLists = { siteId: siteRef.id, listIds: lists.listIds };
  return { store: new GraphStore(graph, siteLists, options), graph, lists: siteLists };
}

/** `site` when Graph can address the site by it as given (`root`, or a site id), else undefined (a URL). */
function siteAddress(site: string): string | undefined {
  const input = site.trim();
  if (input === '' || input.toLowerCase() === 'root') return 'root';
  return /^https?:\/\//i.test(input) ? undefined : input;
}

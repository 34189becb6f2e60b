/**
 * The store a page reads and writes: Tandem's SharePoint lists on the chosen site, through Microsoft Graph (or the
 * local server), behind core's `Store` port.
 */
import type { Store, TokenProvider } from '@tandem/core';
import { createGraphClient, GraphStore, provision, resolveSite } from '@tandem/graph';

/** Opens the store on `site` (`root`, a site URL or a Graph site id). Provisioning is idempotent: on a ready site it only reads. */
export async function openStore(graphBaseUrl: string, tokenProvider: TokenProvider, site: string): Promise<Store> {
  const client = createGraphClient({ baseUrl: graphBaseUrl, tokenProvider });
  const siteRef = await resolveSite(client, site);
  const lists = await provision(client, siteRef.id);
  return new GraphStore(client, lists);
}

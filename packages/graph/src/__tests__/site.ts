import type { GraphClient } from '../client/graphClient.js';
import { provision } from '../provisioning/provision.js';
import { resolveSite } from '../provisioning/resolveSite.js';
import type { SiteLists } from '../store/listPaths.js';

/** Provisions the local server's root site and returns where the lists are. */
export async function provisionedSite(client: GraphClient): Promise<SiteLists> {
  const site = await resolveSite(client, 'root');
  const result = await provision(client, site.id);
  return { siteId: site.id, listIds: result.listIds };
}

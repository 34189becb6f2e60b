import { ENTITY_KINDS, type EntityKind } from '@tandem/core';
import type { GraphClient } from '../client/graphClient.js';
import { GraphError } from '../client/graphError.js';
import type { SiteLists } from '../store/listPaths.js';
import { collectPages } from './collect.js';
import { listSchemas } from './listSchema.js';
import { resolveSite } from './resolveSite.js';

/**
 * Finds Tandem's lists in a provisioned site (one request after the site): what a host does at start-up before it
 * builds a `GraphStore`. Throws a `GraphError` with code `notProvisioned`, naming the missing lists, when the site
 * has not been provisioned (an admin runs `tandem provision`).
 */
export async function connectSite(client: GraphClient, urlOrId?: string): Promise<SiteLists> {
  const site = await resolveSite(client, urlOrId);
  const lists = await collectPages<{ id: string; displayName: string }>(
    client,
    `/sites/${encodeURIComponent(site.id).replace(/%2C/gi, ',')}/lists?$select=id,displayName`,
  );
  const byName = new Map(lists.map((l) => [l.displayName, l.id]));
  const listIds = {} as Record<EntityKind, string>;
  const missing: string[] = [];
  for (const kind of ENTITY_KINDS) {
    const id = byName.get(listSchemas[kind].displayName);
    if (id) listIds[kind] = id;
    else missing.push(listSchemas[kind].displayName);
  }
  if (missing.length) {
    throw new GraphError({
      code: 'notProvisioned',
      status: 404,
      message: `the site ${site.webUrl || site.id} has no ${missing.join(', ')}: provision it first`,
      request: 'GET /sites/{id}/lists',
    });
  }
  return { siteId: site.id, listIds };
}

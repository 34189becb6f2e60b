import type { GraphClient } from '../client/graphClient.js';

/** The SharePoint site Tandem keeps its lists in. */
export interface SiteRef {
  /** Graph's composite site id (`host,siteCollectionId,webId`). */
  id: string;
  webUrl: string;
  displayName: string;
}

/**
 * Finds a site by what an admin would type: `root` (or nothing) for the tenant's root site, a site URL
 * (`https://contoso.sharepoint.com/sites/tandem`), or a Graph site id. Throws `GraphError` (`itemNotFound`) when there is none.
 */
export async function resolveSite(client: GraphClient, urlOrId?: string): Promise<SiteRef> {
  const input = (urlOrId ?? '').trim();
  let path: string;
  if (input === '' || input === 'root') path = '/sites/root';
  else if (/^https?:\/\//i.test(input)) {
    const url = new URL(input);
    const sitePath = url.pathname.replace(/\/+$/, '');
    // A bare host is the tenant's root site.
    path = sitePath === '' ? '/sites/root' : `/sites/${url.hostname}:${encodeSitePath(sitePath)}`;
  } else path = `/sites/${encodeURIComponent(input).replace(/%2C/gi, ',')}`;
  const site = await client.get<{ id?: string; webUrl?: string; displayName?: string; name?: string }>(path);
  if (typeof site.id !== 'string') throw new Error(`the site answer for ${input || 'root'} has no id`);
  return { id: site.id, webUrl: site.webUrl ?? '', displayName: site.displayName ?? site.name ?? '' };
}

function encodeSitePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(decodeURIComponent(segment)))
    .join('/');
}

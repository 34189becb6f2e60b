import { ENTITY_KINDS, type EntityKind } from '@tandem/core';
import { listSchemas } from '../provisioning/listSchema.js';
import { selectedColumns } from './itemCodec.js';

/**
 * Where a site's Tandem lists are: the site id and the list id of every entity kind (from `provision`). Graph also
 * addresses a site by `root` and a list by its title, which {@link listsByTitle} uses before provisioning has answered.
 */
export interface SiteLists {
  siteId: string;
  listIds: Record<EntityKind, string>;
}

/**
 * The lists of `site` (`root` or a site id) addressed by their titles, as Graph allows: reads can be sent with these
 * while provisioning looks the ids up. Once it has, use the ids (a list's title can be changed, its id cannot).
 */
export function listsByTitle(site: string): SiteLists {
  return {
    siteId: site,
    listIds: Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, listSchemas[kind].displayName])) as Record<
      EntityKind,
      string
    >,
  };
}

/** Graph paths of one site's lists. */
export class ListPaths {
  private readonly site: string;

  constructor(readonly lists: SiteLists) {
    this.site = `/sites/${encodeURIComponent(lists.siteId).replace(/%2C/gi, ',')}`;
  }

  /** `/sites/{site}/lists/{list}` */
  list(kind: EntityKind): string {
    const id = this.lists.listIds[kind];
    if (!id) throw new Error(`no list for ${kind}: provision the site first`);
    return `${this.site}/lists/${encodeURIComponent(id)}`;
  }

  /** `.../items` */
  items(kind: EntityKind): string {
    return `${this.list(kind)}/items`;
  }

  /** `.../items/{itemId}` */
  item(kind: EntityKind, itemId: string): string {
    return `${this.items(kind)}/${encodeURIComponent(itemId)}`;
  }

  /** `$expand=fields($select=...)` for the columns of `kind`. */
  expandFields(kind: EntityKind): string {
    return `$expand=fields($select=${selectedColumns(kind).join(',')})`;
  }

  /** `.../items/delta` with the fields expanded. */
  delta(kind: EntityKind): string {
    return `${this.items(kind)}/delta?${this.expandFields(kind)}`;
  }
}

/** Builds a query string from already-safe parts, URL-encoding each value. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v)).replace(/%2C/gi, ',').replace(/%2F/gi, '/')}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

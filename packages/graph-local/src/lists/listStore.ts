import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { List } from '@microsoft/microsoft-graph-types';
import type { Principal } from '../auth/tokens.js';
import { badRequest, GraphError, notFound } from '../http/graphError.js';
import type { SiteRow } from '../sites/siteStore.js';
import { userIdentity } from '../auth/identity.js';
import { insertColumn, listColumns, normalizeColumn, titleColumn } from './columns.js';
import type { ListColumn } from './columns.js';
import { prepared } from '../db/prepared.js';

/** A row of the lists table. */
export interface ListRow {
  id: string;
  site_id: string;
  name: string;
  display_name: string;
  description: string;
  template: string;
  created: string;
  modified: string;
  created_by: string;
  next_item_id: number;
  delta_horizon: number;
}

const templates = ['genericList'];

/** The list a path segment names, by id or by name or display name (Graph accepts both). 404 otherwise. */
export function requireList(db: Database, site: SiteRow, ref: string): ListRow {
  const row = prepared(
    db,
    `SELECT * FROM lists WHERE site_id = ? AND (id = ? COLLATE NOCASE OR name = ? COLLATE NOCASE OR display_name = ? COLLATE NOCASE)`,
  ).get(site.id, ref, ref, ref) as ListRow | undefined;
  if (!row) throw notFound(`List '${ref}' does not exist at site with URL 'https://${site.hostname}${site.path}'.`);
  return row;
}

/** Every list of a site. */
export function listsOfSite(db: Database, site: SiteRow): ListRow[] {
  return prepared(db, 'SELECT * FROM lists WHERE site_id = ? ORDER BY created, id').all(site.id) as ListRow[];
}

/** Creates a list with its columns from a `POST /sites/{id}/lists` body, in the caller's transaction. */
export function createList(db: Database, site: SiteRow, body: unknown, principal: Principal, now: Date): ListRow {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('The request body must be a list object.');
  const input = body as Record<string, unknown>;
  if (typeof input.displayName !== 'string' || input.displayName.trim() === '') {
    throw badRequest(`'displayName' is required and must be a non-empty string.`);
  }
  const listFacet = (input.list ?? {}) as Record<string, unknown>;
  const template = typeof listFacet.template === 'string' ? listFacet.template : 'genericList';
  if (!templates.includes(template))
    throw badRequest(`List template '${template}' is not supported here; use genericList.`);
  if (input.columns !== undefined && !Array.isArray(input.columns)) throw badRequest(`'columns' must be an array.`);
  const name = input.displayName.replace(/[^A-Za-z0-9_]/g, '');
  if (name === '') throw badRequest(`'displayName' must contain a letter or a digit.`);
  if (prepared(db, 'SELECT 1 FROM lists WHERE site_id = ? AND name = ? COLLATE NOCASE').get(site.id, name)) {
    throw new GraphError(409, 'nameAlreadyExists', 'The specified name is already in use.');
  }
  const row: ListRow = {
    id: randomUUID(),
    site_id: site.id,
    name,
    display_name: input.displayName,
    description: typeof input.description === 'string' ? input.description : '',
    template,
    created: now.toISOString(),
    modified: now.toISOString(),
    created_by: principal.userId,
    next_item_id: 1,
    delta_horizon: 0,
  };
  prepared(
    db,
    `INSERT INTO lists (id, site_id, name, display_name, description, template, created, modified, created_by, next_item_id, delta_horizon)
     VALUES (@id, @site_id, @name, @display_name, @description, @template, @created, @modified, @created_by, @next_item_id, @delta_horizon)`,
  ).run(row);
  insertColumn(db, row.id, titleColumn(), 'text');
  ((input.columns as unknown[] | undefined) ?? []).forEach((c, i) => {
    const { definition, type } = normalizeColumn(c, `columns[${i}]`);
    if (definition.name!.toLowerCase() === 'title') return;
    insertColumn(db, row.id, definition, type);
  });
  return row;
}

/** The Graph `list` resource for a row, with its columns when asked. */
export function toList(db: Database, site: SiteRow, row: ListRow, withColumns: boolean): List {
  const list: List = {
    '@odata.etag': `"${row.id},${row.next_item_id}"`,
    createdDateTime: row.created,
    description: row.description,
    eTag: `"${row.id},${row.next_item_id}"`,
    id: row.id,
    lastModifiedDateTime: row.modified,
    name: row.name,
    webUrl: `https://${site.hostname}${site.path}/Lists/${row.name}`,
    displayName: row.display_name,
    createdBy: { user: userIdentity(db, row.created_by) },
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: false, template: row.template },
  } as List;
  if (withColumns) list.columns = listColumns(db, row.id).map((c) => c.definition);
  return list;
}

/** The columns of a list keyed by lower-case name, plus the names of lookup fields (`XLookupId`). */
export function columnIndex(db: Database, listId: string): Map<string, ListColumn> {
  return indexColumns(listColumns(db, listId));
}

/** Columns already read, keyed as {@link columnIndex} keys them. */
export function indexColumns(columns: readonly ListColumn[]): Map<string, ListColumn> {
  const map = new Map<string, ListColumn>();
  for (const c of columns) {
    map.set(c.name.toLowerCase(), c);
    if (c.type === 'lookup' || c.type === 'personOrGroup') map.set(`${c.name.toLowerCase()}lookupid`, c);
  }
  return map;
}

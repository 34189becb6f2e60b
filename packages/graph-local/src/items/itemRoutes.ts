import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { Route } from '../http/router.js';
import type { RequestContext } from '../http/context.js';
import { noContent, ok } from '../http/context.js';
import { badRequest } from '../http/graphError.js';
import { RawJson, toJsonText } from '../http/rawJson.js';
import { columnIndex, requireList } from '../lists/listStore.js';
import type { ListRow } from '../lists/listStore.js';
import { parseFilter } from '../odata/parseFilter.js';
import {
  checkQueryOptions,
  decodeToken,
  encodeToken,
  linkWith,
  option,
  parseExpand,
  parseOrderBy,
  parseSelect,
  parseTop,
} from '../odata/queryOptions.js';
import { selectProperties } from '../odata/select.js';
import { requireSite } from '../sites/siteStore.js';
import type { SiteRow } from '../sites/siteStore.js';
import { UserLookup } from '../auth/identity.js';
import { ItemQueryCompiler, honorsNonIndexed } from './itemQuery.js';
import type { RenderedItemRow } from './itemStore.js';
import {
  ListItemRenderer,
  checkIfMatch,
  createItem,
  deleteItem,
  etagOf,
  itemTextsOf,
  pageTextsOf,
  renderFields,
  renderedItemColumns,
  requireItem,
  toListItem,
  updateItemFields,
} from './itemStore.js';

/** The page size when the request names no `$top`, and the largest `$top` accepted (the list view threshold). */
export const defaultPageSize = 200;
/** The largest `$top` a list item query accepts. */
export const maxPageSize = 5000;

const listItemProperties = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'eTag',
  'webUrl',
  'createdBy',
  'lastModifiedBy',
  'parentReference',
  'contentType',
  'fields',
];

interface Scope {
  site: SiteRow;
  list: ListRow;
}

function scope(ctx: RequestContext): Scope {
  const site = requireSite(ctx.db, ctx.params.siteId!);
  return { site, list: requireList(ctx.db, site, ctx.params.listId!) };
}

/**
 * `$expand=fields` or `fields($select=a,b)`: false when fields are not expanded, undefined for every field,
 * or the names selected.
 */
export function fieldsExpansion(ctx: RequestContext): string[] | undefined | false {
  const expand = parseExpand(option(ctx.query, '$expand'));
  let result: string[] | undefined | false = false;
  for (const e of expand) {
    if (e.name.toLowerCase() !== 'fields')
      throw badRequest(`Could not find a navigation property named '${e.name}' on a listItem.`);
    checkQueryOptions(e.options, ['$select']);
    result = parseSelect(option(e.options, '$select'));
  }
  return result;
}

/**
 * Applies `$select` (on listItem properties) to a rendered item. `fields`, when expanded, comes back whether or not
 * `$select` names it: in OData an expanded navigation property is part of the answer (`$select=id&$expand=fields`).
 */
export function shape(ctx: RequestContext, item: ListItem): Partial<ListItem> {
  const select = parseSelect(option(ctx.query, '$select'));
  return withExpandedFields(selectProperties(item, select, listItemProperties), item);
}

/** `selected` with the item's expanded `fields` (and their context) put back, as OData answers an expansion. */
export function withExpandedFields(selected: Partial<ListItem>, item: ListItem): Partial<ListItem> {
  if (item.fields === undefined || selected.fields !== undefined) return selected;
  const record = item as Record<string, unknown>;
  const out = selected as Record<string, unknown>;
  if (record['fields@odata.context'] !== undefined) out['fields@odata.context'] = record['fields@odata.context'];
  out.fields = item.fields;
  return selected;
}

function itemsContext(ctx: RequestContext, s: Scope, suffix = ''): string {
  return `${ctx.serviceRoot}/$metadata#sites('${encodeURIComponent(s.site.id)}')/lists('${s.list.id}')/items${suffix}`;
}

interface PagePosition {
  o: number;
}

/** List items: query with paging, read one, create, update fields, delete. */
export const itemRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/sites/:siteId/lists/:listId/items',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, ['$select', '$expand', '$filter', '$orderby', '$top', '$skiptoken']);
      const s = scope(ctx);
      const fields = fieldsExpansion(ctx);
      const compiler = new ItemQueryCompiler(columnIndex(ctx.db, s.list.id), honorsNonIndexed(ctx.headers.prefer));
      const filterText = option(ctx.query, '$filter');
      const where = filterText === undefined ? { sql: '1', params: [] } : compiler.where(parseFilter(filterText));
      const orderBy = compiler.orderBy(parseOrderBy(option(ctx.query, '$orderby')), filterText !== undefined);
      const pageSize = parseTop(ctx.query, maxPageSize) ?? defaultPageSize;
      const skipToken = option(ctx.query, '$skiptoken');
      let offset = 0;
      if (skipToken !== undefined) {
        const position = decodeToken<PagePosition>(skipToken);
        if (!position || !Number.isInteger(position.o) || position.o < 0)
          throw badRequest(`Invalid $skiptoken '${skipToken}'.`);
        offset = position.o;
      }
      ctx.chargeResourceUnits(2);
      // The same read of an unchanged database is answered with the text written for it (see `PageTexts`).
      const pages = pageTextsOf(ctx.db);
      const read = JSON.stringify([ctx.serviceRoot, ctx.path, ctx.query.toString()]);
      const kept = pages.get(read);
      if (kept !== undefined) return ok(new RawJson(kept));
      const rows = ctx.db
        .prepare(
          `SELECT ${renderedItemColumns} FROM items WHERE list_id = ? AND deleted = 0 AND ${where.sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
        )
        .all(s.list.id, ...where.params, pageSize + 1, offset) as RenderedItemRow[];
      const page = rows.slice(0, pageSize);
      const body: Record<string, unknown> = { '@odata.context': itemsContext(ctx, s) };
      if (rows.length > pageSize) {
        body['@odata.nextLink'] = linkWith(
          ctx.serviceRoot,
          ctx.path,
          ctx.query,
          '$skiptoken',
          encodeToken({ o: offset + pageSize }),
        );
      }
      const renderer = new ListItemRenderer(s.site, s.list, fields, ctx.serviceRoot, new UserLookup(ctx.db), (item) =>
        shape(ctx, item),
      );
      // Each item as the text written for it before, when its row has not changed since (see `renderText`).
      const texts = itemTextsOf(ctx.db);
      body.value = page.map((row) => new RawJson(renderer.renderText(row, texts)));
      const text = toJsonText(body);
      pages.set(read, text);
      return ok(new RawJson(text));
    },
  },
  {
    method: 'POST',
    pattern: '/sites/:siteId/lists/:listId/items',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, []);
      const s = scope(ctx);
      const row = createItem(ctx.db, s.list, ctx.body, ctx.principal, ctx.clock.now());
      ctx.chargeResourceUnits(2);
      return ok(
        {
          '@odata.context': itemsContext(ctx, s, '/$entity'),
          ...toListItem(ctx.db, s.site, s.list, row, undefined, ctx.serviceRoot),
        },
        201,
        { etag: etagOf(row), location: `${ctx.serviceRoot}${ctx.path}/${row.id}` },
      );
    },
  },
  {
    method: 'GET',
    pattern: '/sites/:siteId/lists/:listId/items/:itemId',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, ['$select', '$expand']);
      const s = scope(ctx);
      const row = requireItem(ctx.db, s.list, ctx.params.itemId!);
      // The column values come with `expand=fields`, as Graph documents "Get the column values of a listItem".
      const fields = fieldsExpansion(ctx);
      ctx.chargeResourceUnits(1);
      return ok(
        {
          '@odata.context': itemsContext(ctx, s, '/$entity'),
          ...shape(ctx, toListItem(ctx.db, s.site, s.list, row, fields, ctx.serviceRoot)),
        },
        200,
        {
          etag: etagOf(row),
        },
      );
    },
  },
  {
    method: 'GET',
    pattern: '/sites/:siteId/lists/:listId/items/:itemId/fields',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, ['$select']);
      const s = scope(ctx);
      const row = requireItem(ctx.db, s.list, ctx.params.itemId!);
      ctx.chargeResourceUnits(1);
      return ok(
        {
          '@odata.context': itemsContext(ctx, s, `('${row.id}')/fields/$entity`),
          ...renderFields(ctx.db, row, parseSelect(option(ctx.query, '$select'))),
        },
        200,
        { etag: etagOf(row) },
      );
    },
  },
  {
    method: 'PATCH',
    pattern: '/sites/:siteId/lists/:listId/items/:itemId/fields',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, []);
      const s = scope(ctx);
      const row = requireItem(ctx.db, s.list, ctx.params.itemId!);
      checkIfMatch(ctx.headers, row);
      const next = updateItemFields(ctx.db, s.list, row, ctx.body, ctx.principal, ctx.clock.now());
      ctx.chargeResourceUnits(2);
      return ok(
        { '@odata.context': itemsContext(ctx, s, `('${next.id}')/fields/$entity`), ...renderFields(ctx.db, next) },
        200,
        { etag: etagOf(next) },
      );
    },
  },
  {
    method: 'DELETE',
    pattern: '/sites/:siteId/lists/:listId/items/:itemId',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, []);
      const s = scope(ctx);
      const row = requireItem(ctx.db, s.list, ctx.params.itemId!);
      checkIfMatch(ctx.headers, row);
      deleteItem(ctx.db, row);
      ctx.chargeResourceUnits(2);
      return noContent();
    },
  },
];

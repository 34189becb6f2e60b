import type { Route } from '../http/router.js';
import type { RequestContext } from '../http/context.js';
import { ok } from '../http/context.js';
import { badRequest, notFound } from '../http/graphError.js';
import { evaluateFilter } from '../odata/evaluateFilter.js';
import { parseFilter } from '../odata/parseFilter.js';
import { checkQueryOptions, option, parseExpand, parseSelect, parseTop } from '../odata/queryOptions.js';
import { selectProperties } from '../odata/select.js';

const columnFlagDefaults = {
  enforceUniqueValues: false,
  hidden: false,
  indexed: false,
  readOnly: false,
  required: false,
};
import { requireSite } from '../sites/siteStore.js';
import { insertColumn, listColumns, normalizeColumn, updateColumn } from './columns.js';
import { createList, listsOfSite, requireList, toList } from './listStore.js';
import { applyUniquenessChange } from '../items/uniqueValues.js';

function expandsColumns(ctx: RequestContext): boolean {
  const expand = parseExpand(option(ctx.query, '$expand'));
  for (const e of expand)
    if (e.name.toLowerCase() !== 'columns')
      throw badRequest(`Could not find a navigation property named '${e.name}' on a list.`);
  return expand.length > 0;
}

function listContext(ctx: RequestContext, suffix: string): string {
  return `${ctx.serviceRoot}/$metadata#sites('${encodeURIComponent(ctx.params.siteId!)}')/${suffix}`;
}

/** Lists and their columns: `GET/POST /sites/{id}/lists`, `GET .../lists/{id}`, `GET/POST .../columns`, `PATCH .../columns/{id}`. */
export const listRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/sites/:siteId/lists',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, ['$select', '$expand', '$filter', '$top']);
      const site = requireSite(ctx.db, ctx.params.siteId!);
      const withColumns = expandsColumns(ctx);
      const filterText = option(ctx.query, '$filter');
      const filter = filterText === undefined ? undefined : parseFilter(filterText);
      const select = parseSelect(option(ctx.query, '$select'));
      const top = parseTop(ctx.query, 5000);
      let lists = listsOfSite(ctx.db, site).map((row) => toList(ctx.db, site, row, withColumns));
      if (filter) lists = lists.filter((l) => evaluateFilter(filter, l));
      if (top !== undefined) lists = lists.slice(0, top);
      ctx.chargeResourceUnits(2);
      return ok({ '@odata.context': listContext(ctx, 'lists'), value: lists.map((l) => selectProperties(l, select)) });
    },
  },
  {
    method: 'POST',
    pattern: '/sites/:siteId/lists',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, []);
      const site = requireSite(ctx.db, ctx.params.siteId!);
      const row = createList(ctx.db, site, ctx.body, ctx.principal, ctx.clock.now());
      ctx.chargeResourceUnits(2);
      return ok({ '@odata.context': listContext(ctx, 'lists/$entity'), ...toList(ctx.db, site, row, true) }, 201);
    },
  },
  {
    method: 'GET',
    pattern: '/sites/:siteId/lists/:listId',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, ['$select', '$expand']);
      const site = requireSite(ctx.db, ctx.params.siteId!);
      const row = requireList(ctx.db, site, ctx.params.listId!);
      ctx.chargeResourceUnits(1);
      const list = toList(ctx.db, site, row, expandsColumns(ctx));
      return ok({
        '@odata.context': listContext(ctx, 'lists/$entity'),
        ...selectProperties(list, parseSelect(option(ctx.query, '$select')), ['columns', 'items']),
      });
    },
  },
  {
    method: 'GET',
    pattern: '/sites/:siteId/lists/:listId/columns',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, ['$select']);
      const site = requireSite(ctx.db, ctx.params.siteId!);
      const row = requireList(ctx.db, site, ctx.params.listId!);
      const select = parseSelect(option(ctx.query, '$select'));
      ctx.chargeResourceUnits(2);
      return ok({
        '@odata.context': listContext(ctx, `lists('${row.id}')/columns`),
        // Every columnDefinition has these flags in Graph (false when not set), so each may be $selected.
        value: listColumns(ctx.db, row.id).map((c) =>
          select ? selectProperties({ ...columnFlagDefaults, ...c.definition }, select) : c.definition,
        ),
      });
    },
  },
  {
    method: 'POST',
    pattern: '/sites/:siteId/lists/:listId/columns',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, []);
      const site = requireSite(ctx.db, ctx.params.siteId!);
      const row = requireList(ctx.db, site, ctx.params.listId!);
      const { definition, type } = normalizeColumn(ctx.body, 'The column');
      const column = insertColumn(ctx.db, row.id, definition, type);
      ctx.chargeResourceUnits(2);
      return ok(
        { '@odata.context': listContext(ctx, `lists('${row.id}')/columns/$entity`), ...column.definition },
        201,
      );
    },
  },
  {
    method: 'PATCH',
    pattern: '/sites/:siteId/lists/:listId/columns/:columnId',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, []);
      const site = requireSite(ctx.db, ctx.params.siteId!);
      const row = requireList(ctx.db, site, ctx.params.listId!);
      const ref = ctx.params.columnId!.toLowerCase();
      const column = listColumns(ctx.db, row.id).find(
        (c) => c.id.toLowerCase() === ref || c.name.toLowerCase() === ref,
      );
      if (!column) throw notFound(`Column '${ctx.params.columnId}' does not exist.`);
      if (typeof ctx.body !== 'object' || ctx.body === null)
        throw badRequest('The request body must be a column object.');
      const updated = updateColumn(ctx.db, column, ctx.body as Record<string, unknown>);
      applyUniquenessChange(ctx.db, row.id, column, updated);
      ctx.chargeResourceUnits(2);
      return ok({ '@odata.context': listContext(ctx, `lists('${row.id}')/columns/$entity`), ...updated.definition });
    },
  },
];

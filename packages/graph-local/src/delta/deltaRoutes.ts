import type { ListItem } from '@microsoft/microsoft-graph-types';
import type { Route } from '../http/router.js';
import type { RequestContext } from '../http/context.js';
import { ok } from '../http/context.js';
import { GraphError, badRequest } from '../http/graphError.js';
import { currentChangeSeq } from '../db/schema.js';
import { fieldsExpansion, defaultPageSize, maxPageSize, withExpandedFields } from '../items/itemRoutes.js';
import { ListItemRenderer } from '../items/itemStore.js';
import { UserLookup } from '../auth/identity.js';
import type { ItemRow } from '../items/itemStore.js';
import { requireList } from '../lists/listStore.js';
import type { ListRow } from '../lists/listStore.js';
import {
  checkQueryOptions,
  decodeToken,
  encodeToken,
  linkWith,
  option,
  parseSelect,
  parseTop,
} from '../odata/queryOptions.js';
import { selectProperties } from '../odata/select.js';
import { requireSite } from '../sites/siteStore.js';

/** What a delta token holds: the list, the change sequence it has seen, and whether it is still the first sync. */
interface DeltaPosition {
  l: string;
  s: number;
  /** Set while paging through the initial enumeration, which leaves deleted items out. */
  i?: 1;
}

function readToken(ctx: RequestContext, list: ListRow): DeltaPosition | 'latest' | undefined {
  const raw = ctx.query.get('token');
  if (raw === null) return undefined;
  if (raw === 'latest') return 'latest';
  const position = decodeToken<DeltaPosition>(raw);
  if (!position || typeof position.s !== 'number' || typeof position.l !== 'string') {
    throw badRequest(`The delta token '${raw}' is not valid.`);
  }
  if (position.l !== list.id) throw badRequest('The delta token belongs to another list.');
  if (position.s < list.delta_horizon) {
    const fresh = `${ctx.serviceRoot}${ctx.path}`;
    throw new GraphError(
      410,
      'resyncRequired',
      'The delta token has expired. Start again without a token to resynchronise.',
      {
        location: fresh,
      },
    );
  }
  return position;
}

/**
 * `GET .../items/delta`: pages of items changed since the token (`@odata.nextLink`), then `@odata.deltaLink` for
 * the next round; `?token=latest` answers no items and a link from now; deleted items come back as
 * `{"id":..,"deleted":{"state":"deleted"}}`; a token older than the change log is 410 Gone.
 */
export const deltaRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/sites/:siteId/lists/:listId/items/delta',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, ['$select', '$expand', '$top']);
      const site = requireSite(ctx.db, ctx.params.siteId!);
      const list = requireList(ctx.db, site, ctx.params.listId!);
      const position = readToken(ctx, list);
      const fields = fieldsExpansion(ctx);
      const select = parseSelect(option(ctx.query, '$select'));
      const pageSize = parseTop(ctx.query, maxPageSize) ?? defaultPageSize;
      ctx.chargeResourceUnits(position === undefined ? 2 : 1);
      const context = `${ctx.serviceRoot}/$metadata#Collection(microsoft.graph.listItem)`;
      const now = currentChangeSeq(ctx.db);
      if (position === 'latest') {
        return ok({
          '@odata.context': context,
          '@odata.deltaLink': linkWith(
            ctx.serviceRoot,
            ctx.path,
            ctx.query,
            'token',
            encodeToken({ l: list.id, s: now }),
          ),
          value: [],
        });
      }
      const since = position?.s ?? 0;
      const initial = position === undefined || position.i === 1;
      const rows = ctx.db
        .prepare(
          `SELECT * FROM items WHERE list_id = ? AND change_seq > ? ${initial ? 'AND deleted = 0' : ''} ORDER BY change_seq LIMIT ?`,
        )
        .all(list.id, since, pageSize + 1) as ItemRow[];
      const page = rows.slice(0, pageSize);
      const body: Record<string, unknown> = { '@odata.context': context };
      if (rows.length > pageSize) {
        const next: DeltaPosition = {
          l: list.id,
          s: page[page.length - 1]!.change_seq,
          ...(initial ? { i: 1 as const } : {}),
        };
        body['@odata.nextLink'] = linkWith(ctx.serviceRoot, ctx.path, ctx.query, 'token', encodeToken(next));
      } else {
        body['@odata.deltaLink'] = linkWith(
          ctx.serviceRoot,
          ctx.path,
          ctx.query,
          'token',
          encodeToken({ l: list.id, s: now }),
        );
      }
      const renderer = new ListItemRenderer(site, list, fields, ctx.serviceRoot, new UserLookup(ctx.db), (item) =>
        answerItem(item, select),
      );
      body.value = page.map((row) =>
        row.deleted ? { id: String(row.id), deleted: { state: 'deleted' } } : renderer.render(row),
      );
      return ok(body);
    },
  },
];

/** An item of a delta page: `$select` applied, the expanded `fields` kept (see `withExpandedFields`). */
function answerItem(item: ListItem, select: string[] | undefined): Partial<ListItem> {
  return withExpandedFields(selectProperties(item, select, ['fields']), item);
}

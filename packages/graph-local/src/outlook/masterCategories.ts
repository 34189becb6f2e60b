import { randomUUID } from 'node:crypto';
import type { OutlookCategory } from '@microsoft/microsoft-graph-types';
import type { Route } from '../http/router.js';
import { noContent, ok } from '../http/context.js';
import { GraphError, badRequest } from '../http/graphError.js';
import { checkQueryOptions } from '../odata/queryOptions.js';

/** Outlook's colour presets: `none` and `preset0`…`preset24`. */
export const categoryColors = ['none', ...Array.from({ length: 25 }, (_, i) => `preset${i}`)];

interface CategoryRow {
  id: string;
  display_name: string;
  color: string;
}

function toCategory(row: CategoryRow): OutlookCategory {
  return { id: row.id, displayName: row.display_name, color: row.color as OutlookCategory['color'] };
}

/** `GET/POST /me/outlook/masterCategories`, `GET/DELETE /me/outlook/masterCategories/{id}`: per mailbox. */
export const masterCategoryRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/me/outlook/masterCategories',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, []);
      const rows = ctx.db
        .prepare('SELECT id, display_name, color FROM master_categories WHERE user_id = ? ORDER BY display_name')
        .all(ctx.principal.userId) as CategoryRow[];
      return ok({
        '@odata.context': `${ctx.serviceRoot}/$metadata#users('${ctx.principal.userId}')/outlook/masterCategories`,
        value: rows.map(toCategory),
      });
    },
  },
  {
    method: 'POST',
    pattern: '/me/outlook/masterCategories',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, []);
      const body = ctx.body as Record<string, unknown> | undefined;
      if (typeof body !== 'object' || body === null) throw badRequest('The request body must be a category object.');
      if (typeof body.displayName !== 'string' || body.displayName.trim() === '') {
        throw new GraphError(400, 'ErrorInvalidParameter', `'displayName' is required.`);
      }
      const color = body.color ?? 'none';
      if (typeof color !== 'string' || !categoryColors.includes(color)) {
        throw new GraphError(400, 'ErrorInvalidParameter', `'color' must be 'none' or one of preset0…preset24.`);
      }
      const taken = ctx.db
        .prepare('SELECT 1 FROM master_categories WHERE user_id = ? AND display_name = ? COLLATE NOCASE')
        .get(ctx.principal.userId, body.displayName);
      if (taken) throw new GraphError(409, 'conflict', `A category named '${body.displayName}' already exists.`);
      const row: CategoryRow = { id: randomUUID(), display_name: body.displayName, color };
      ctx.db
        .prepare('INSERT INTO master_categories (id, user_id, display_name, color) VALUES (?, ?, ?, ?)')
        .run(row.id, ctx.principal.userId, row.display_name, row.color);
      return ok(
        {
          '@odata.context': `${ctx.serviceRoot}/$metadata#users('${ctx.principal.userId}')/outlook/masterCategories/$entity`,
          ...toCategory(row),
        },
        201,
      );
    },
  },
  {
    method: 'GET',
    pattern: '/me/outlook/masterCategories/:id',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, []);
      const row = ctx.db
        .prepare('SELECT id, display_name, color FROM master_categories WHERE user_id = ? AND id = ?')
        .get(ctx.principal.userId, ctx.params.id) as CategoryRow | undefined;
      if (!row) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      return ok(toCategory(row));
    },
  },
  {
    method: 'DELETE',
    pattern: '/me/outlook/masterCategories/:id',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, []);
      const info = ctx.db
        .prepare('DELETE FROM master_categories WHERE user_id = ? AND id = ?')
        .run(ctx.principal.userId, ctx.params.id);
      if (info.changes === 0)
        throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      return noContent();
    },
  },
];

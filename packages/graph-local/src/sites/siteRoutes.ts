import type { Route } from '../http/router.js';
import { ok } from '../http/context.js';
import { checkQueryOptions, option, parseSelect } from '../odata/queryOptions.js';
import { selectProperties } from '../odata/select.js';
import { requireSite, toSite } from './siteStore.js';

/** `GET /sites/root`, `GET /sites/{id}` (the `{host}:/{path}` form is resolved to an id before routing). */
export const siteRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/sites/:siteId',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, ['$select']);
      const site = requireSite(ctx.db, ctx.params.siteId!);
      ctx.chargeResourceUnits(1);
      return ok({
        '@odata.context': `${ctx.serviceRoot}/$metadata#sites/$entity`,
        ...selectProperties(toSite(site), parseSelect(option(ctx.query, '$select'))),
      });
    },
  },
];

import type { Route } from './http/router.js';
import type { LocalRoute } from './local/localRoutes.js';
import { siteRoutes } from './sites/siteRoutes.js';
import { listRoutes } from './lists/listRoutes.js';
import { itemRoutes } from './items/itemRoutes.js';

/** The route table of `/v1.0`: one block per resource module. More specific patterns come first. */
export const graphRoutes: Route[] = [...itemRoutes, ...listRoutes, ...siteRoutes];

/** Local seeding and read-back endpoints contributed by the resource modules. */
export const localSeedRoutes: LocalRoute[] = [];

import type { Route } from './http/router.js';
import type { LocalRoute } from './local/localRoutes.js';
import { userRoutes } from './auth/userRoutes.js';
import { siteRoutes } from './sites/siteRoutes.js';
import { listRoutes } from './lists/listRoutes.js';
import { itemRoutes } from './items/itemRoutes.js';
import { deltaRoutes } from './delta/deltaRoutes.js';
import { outlookRoutes } from './outlook/outlookRoutes.js';
import { masterCategoryRoutes } from './outlook/masterCategories.js';
import { mailboxSeedRoutes } from './outlook/mailboxSeed.js';
import { otherMailboxRoutes } from './outlook/otherMailboxes.js';
import { meetingRoutes } from './teams/meetings.js';
import { channelRoutes, teamsSeedRoutes } from './teams/channels.js';
import { activityRoutes, activitySeedRoutes } from './teams/activityNotifications.js';

/** The route table of `/v1.0`: one block per resource module. More specific patterns come first. */
export const graphRoutes: Route[] = [
  ...deltaRoutes,
  ...itemRoutes,
  ...listRoutes,
  ...siteRoutes,
  ...masterCategoryRoutes,
  ...outlookRoutes,
  ...otherMailboxRoutes,
  ...meetingRoutes,
  ...channelRoutes,
  ...activityRoutes,
  ...userRoutes,
];

/** Local seeding and read-back endpoints contributed by the resource modules. */
export const localSeedRoutes: LocalRoute[] = [...mailboxSeedRoutes, ...teamsSeedRoutes, ...activitySeedRoutes];

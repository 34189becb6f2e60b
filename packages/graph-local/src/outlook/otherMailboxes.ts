import type { Route } from '../http/router.js';
import type { RequestContext } from '../http/context.js';
import { GraphError, badRequest } from '../http/graphError.js';
import { findUser } from '../auth/tokens.js';

/**
 * `/users/{id | upn}/messages`, `/events`, `/calendarView`, `/outlook/masterCategories` and their items and extensions:
 * another user's mailbox. With delegated `Mail.ReadWrite`/`Calendars.ReadWrite` (what Tandem asks for) Graph refuses
 * it — 403 ErrorAccessDenied — unless that user shared the folder, which the local tenant never does. The signed-in
 * user's own mailbox is served under `/me`.
 */
function refuse(ctx: RequestContext): never {
  const raw = ctx.params.userId!;
  const user = findUser(ctx.db, raw.toLowerCase()) ?? findUser(ctx.db, raw);
  if (user && user.id === ctx.principal.userId)
    throw badRequest(`This server serves the signed-in user's mailbox under /me, not /users/${raw}.`);
  throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
}

const paths = [
  '/users/:userId/messages',
  '/users/:userId/messages/:id',
  '/users/:userId/messages/:id/extensions',
  '/users/:userId/messages/:id/extensions/:extId',
  '/users/:userId/events',
  '/users/:userId/events/:id',
  '/users/:userId/events/:id/extensions',
  '/users/:userId/events/:id/extensions/:extId',
  '/users/:userId/calendarView',
  '/users/:userId/outlook/masterCategories',
  '/users/:userId/outlook/masterCategories/:id',
];

/** Every method on another user's mailbox paths: 403, as Graph answers a delegated caller without access. */
export const otherMailboxRoutes: Route[] = paths.flatMap((pattern) =>
  (['GET', 'POST', 'PATCH', 'DELETE'] as const).map((method) => ({ method, pattern, handler: refuse })),
);

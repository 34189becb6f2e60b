import type { Route } from '../http/router.js';
import type { RequestContext } from '../http/context.js';
import { noContent, ok } from '../http/context.js';
import { GraphError } from '../http/graphError.js';
import { checkQueryOptions } from '../odata/queryOptions.js';
import { createExtension, deleteExtension, extensionsOf, replaceExtension, requireExtension } from './extensions.js';
import { mailboxCollection, shapeMailboxItem } from './mailboxQuery.js';
import { mailboxItems, patchMailboxItem, requireMailboxItem, saveMailboxItem, utc } from './mailboxItems.js';
import type { MailboxItemKind } from './mailboxItems.js';

function me(ctx: RequestContext, suffix: string): string {
  return `${ctx.serviceRoot}/$metadata#users('${ctx.principal.userId}')/${suffix}`;
}

function itemRoutes(kind: MailboxItemKind): Route[] {
  const segment = `${kind}s`;
  return [
    {
      method: 'GET',
      pattern: `/me/${segment}`,
      handler: (ctx) => {
        checkQueryOptions(ctx.query, ['$select', '$expand', '$filter', '$orderby', '$top', '$skip']);
        return ok(mailboxCollection(ctx, kind, mailboxItems(ctx.db, kind, ctx.principal.userId), me(ctx, segment)));
      },
    },
    {
      method: 'GET',
      pattern: `/me/${segment}/:id`,
      handler: (ctx) => {
        checkQueryOptions(ctx.query, ['$select', '$expand']);
        const item = requireMailboxItem(ctx.db, kind, ctx.principal.userId, ctx.params.id!);
        return ok({ '@odata.context': me(ctx, `${segment}/$entity`), ...shapeMailboxItem(ctx, kind, item) });
      },
    },
    {
      method: 'PATCH',
      pattern: `/me/${segment}/:id`,
      handler: (ctx) => {
        checkQueryOptions(ctx.query, []);
        const item = requireMailboxItem(ctx.db, kind, ctx.principal.userId, ctx.params.id!);
        const saved = saveMailboxItem(
          ctx.db,
          kind,
          ctx.principal.userId,
          patchMailboxItem(kind, item, ctx.body),
          ctx.clock.now(),
        );
        return ok({ '@odata.context': me(ctx, `${segment}/$entity`), ...saved });
      },
    },
    {
      method: 'GET',
      pattern: `/me/${segment}/:id/extensions`,
      handler: (ctx) => {
        checkQueryOptions(ctx.query, []);
        const item = requireMailboxItem(ctx.db, kind, ctx.principal.userId, ctx.params.id!);
        return ok({
          '@odata.context': me(ctx, `${segment}('${item.id}')/extensions`),
          value: extensionsOf(ctx.db, kind, item.id),
        });
      },
    },
    {
      method: 'POST',
      pattern: `/me/${segment}/:id/extensions`,
      handler: (ctx) => {
        checkQueryOptions(ctx.query, []);
        const item = requireMailboxItem(ctx.db, kind, ctx.principal.userId, ctx.params.id!);
        const ext = createExtension(ctx.db, kind, item.id, ctx.principal.userId, ctx.body);
        return ok({ '@odata.context': me(ctx, `${segment}('${item.id}')/extensions/$entity`), ...ext }, 201);
      },
    },
    {
      method: 'GET',
      pattern: `/me/${segment}/:id/extensions/:extId`,
      handler: (ctx) => {
        checkQueryOptions(ctx.query, []);
        const item = requireMailboxItem(ctx.db, kind, ctx.principal.userId, ctx.params.id!);
        const ext = requireExtension(ctx.db, kind, item.id, ctx.params.extId!);
        return ok({ '@odata.context': me(ctx, `${segment}('${item.id}')/extensions/$entity`), ...ext });
      },
    },
    {
      method: 'PATCH',
      pattern: `/me/${segment}/:id/extensions/:extId`,
      handler: (ctx) => {
        checkQueryOptions(ctx.query, []);
        const item = requireMailboxItem(ctx.db, kind, ctx.principal.userId, ctx.params.id!);
        const ext = replaceExtension(ctx.db, kind, item.id, ctx.params.extId!, ctx.body);
        return ok({ '@odata.context': me(ctx, `${segment}('${item.id}')/extensions/$entity`), ...ext });
      },
    },
    {
      method: 'DELETE',
      pattern: `/me/${segment}/:id/extensions/:extId`,
      handler: (ctx) => {
        checkQueryOptions(ctx.query, []);
        const item = requireMailboxItem(ctx.db, kind, ctx.principal.userId, ctx.params.id!);
        deleteExtension(ctx.db, kind, item.id, ctx.params.extId!);
        return noContent();
      },
    },
  ];
}

const calendarWindowMessage =
  'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.';

/** `GET /me/calendarView?startDateTime=...&endDateTime=...`: the caller's events overlapping the window. */
const calendarView: Route = {
  method: 'GET',
  pattern: '/me/calendarView',
  handler: (ctx) => {
    checkQueryOptions(ctx.query, ['$select', '$expand', '$filter', '$orderby', '$top', '$skip']);
    const param = (name: string) => {
      for (const [k, v] of ctx.query) if (k.toLowerCase() === name) return v;
      return undefined;
    };
    const start = utc(param('startdatetime'));
    const end = utc(param('enddatetime'));
    if (!start || !end) throw new GraphError(400, 'ErrorInvalidParameter', calendarWindowMessage);
    const events = mailboxItems(ctx.db, 'event', ctx.principal.userId).filter((e) => {
      const ev = e as { start?: { dateTime?: string }; end?: { dateTime?: string } };
      return utc(ev.start?.dateTime) < end && utc(ev.end?.dateTime) > start;
    });
    return ok(mailboxCollection(ctx, 'event', events, me(ctx, 'calendarView')));
  },
};

/** Outlook mail and calendar of the signed-in user, with categories and open extensions. */
export const outlookRoutes: Route[] = [...itemRoutes('message'), ...itemRoutes('event'), calendarView];

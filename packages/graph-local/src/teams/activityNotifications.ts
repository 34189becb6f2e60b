import type { Route } from '../http/router.js';
import { noContent } from '../http/context.js';
import { GraphError, badRequest } from '../http/graphError.js';
import type { LocalRoute } from '../local/localRoutes.js';
import { findUser } from '../auth/tokens.js';
import { checkQueryOptions } from '../odata/queryOptions.js';
import { prepared } from '../db/prepared.js';

function requireObject(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw badRequest(`'${name}' must be an object.`);
  return value as Record<string, unknown>;
}

/**
 * `POST /users/{id | upn}/teamwork/sendActivityNotification`: validates the notification as Graph documents it
 * (topic with source entityUrl or text — text needs webUrl —, activityType, previewText, templateParameters) and
 * records it in the recipient's feed; 204 No Content.
 */
export const activityRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/users/:userId/teamwork/sendActivityNotification',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, []);
      const recipient = findUser(ctx.db, ctx.params.userId!);
      if (!recipient) throw new GraphError(404, 'NotFound', `User '${ctx.params.userId}' was not found.`);
      const body = requireObject(ctx.body, 'body');
      const topic = requireObject(body.topic, 'topic');
      if (topic.source !== 'entityUrl' && topic.source !== 'text')
        throw badRequest(`'topic.source' must be 'entityUrl' or 'text'.`);
      if (typeof topic.value !== 'string' || topic.value === '')
        throw badRequest(`'topic.value' must be a non-empty string.`);
      if (topic.source === 'text' && typeof topic.webUrl !== 'string')
        throw badRequest(`'topic.webUrl' is required when topic.source is 'text'.`);
      if (typeof body.activityType !== 'string' || body.activityType === '')
        throw badRequest(`'activityType' must be a non-empty string.`);
      const preview = requireObject(body.previewText, 'previewText');
      if (typeof preview.content !== 'string') throw badRequest(`'previewText.content' must be a string.`);
      if (body.templateParameters !== undefined) {
        const params = body.templateParameters;
        if (!Array.isArray(params) || params.some((p) => typeof p?.name !== 'string' || typeof p?.value !== 'string')) {
          throw badRequest(`'templateParameters' must be an array of {name, value} strings.`);
        }
      }
      ctx.db
        .prepare('INSERT INTO activity_notifications (user_id, sender_id, data, created) VALUES (?, ?, ?, ?)')
        .run(recipient.id, ctx.principal.userId, JSON.stringify(body), ctx.clock.now().toISOString());
      return noContent();
    },
  },
];

/** `GET /_local/activityNotifications?user=upn`: what was sent to a user's activity feed, oldest first. */
export const activitySeedRoutes: LocalRoute[] = [
  {
    method: 'GET',
    pattern: '/_local/activityNotifications',
    handler: (service, req) => {
      const upn = req.query.get('user');
      const user = upn ? findUser(service.db, upn.toLowerCase()) : undefined;
      if (upn && !user) return { status: 200, body: { value: [] } };
      const rows = (
        user
          ? prepared(service.db, 'SELECT * FROM activity_notifications WHERE user_id = ? ORDER BY seq').all(user.id)
          : prepared(service.db, 'SELECT * FROM activity_notifications ORDER BY seq').all()
      ) as { user_id: string; sender_id: string; data: string; created: string }[];
      return {
        status: 200,
        body: {
          value: rows.map((r) => ({
            recipient: findUser(service.db, r.user_id)?.upn,
            sender: findUser(service.db, r.sender_id)?.upn,
            sentDateTime: r.created,
            notification: JSON.parse(r.data) as unknown,
          })),
        },
      };
    },
  },
];

import { randomUUID } from 'node:crypto';
import type { ChatMessage } from '@microsoft/microsoft-graph-types';
import type { Route } from '../http/router.js';
import { ok } from '../http/context.js';
import { GraphError, badRequest } from '../http/graphError.js';
import type { LocalRoute } from '../local/localRoutes.js';
import { SeedInput } from '../local/seedInput.js';
import { checkQueryOptions } from '../odata/queryOptions.js';
import { prepared } from '../db/prepared.js';

/** `POST /teams/{id}/channels/{id}/messages`: posts a message as the signed-in user (a member, if the team lists members). */
export const channelRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/teams/:teamId/channels/:channelId/messages',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, []);
      const { teamId, channelId } = ctx.params as { teamId: string; channelId: string };
      const channel = prepared(ctx.db, 'SELECT id FROM channels WHERE id = ? AND team_id = ?').get(channelId, teamId);
      if (!channel) throw new GraphError(404, 'NotFound', `Channel '${channelId}' was not found in team '${teamId}'.`);
      const members = prepared(ctx.db, 'SELECT user_id FROM team_members WHERE team_id = ?').all(teamId) as {
        user_id: string;
      }[];
      if (members.length > 0 && !members.some((m) => m.user_id === ctx.principal.userId)) {
        throw new GraphError(403, 'Forbidden', 'The signed-in user is not a member of this team.');
      }
      const body = ctx.body as Record<string, unknown> | undefined;
      const content = (body?.body as Record<string, unknown> | undefined) ?? undefined;
      if (typeof content?.content !== 'string' || content.content.trim() === '') {
        throw badRequest(`'body.content' is required and must be a non-empty string.`);
      }
      const contentType = content.contentType ?? 'text';
      if (contentType !== 'text' && contentType !== 'html')
        throw badRequest(`'body.contentType' must be 'text' or 'html'.`);
      if (body?.subject !== undefined && body.subject !== null && typeof body.subject !== 'string') {
        throw badRequest(`'subject' must be a string.`);
      }
      const now = ctx.clock.now().toISOString();
      const id = String(ctx.clock.now().getTime()) + String(Math.floor(Math.random() * 1000)).padStart(3, '0');
      const message: ChatMessage = {
        id,
        replyToId: null,
        etag: id,
        messageType: 'message',
        createdDateTime: now,
        lastModifiedDateTime: now,
        deletedDateTime: null,
        subject: (body?.subject as string | undefined) ?? null,
        summary: null,
        importance: (body?.importance as ChatMessage['importance']) ?? 'normal',
        locale: 'en-us',
        webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${id}?groupId=${teamId}&parentMessageId=${id}`,
        from: {
          application: null,
          device: null,
          user: { id: ctx.principal.userId, displayName: ctx.principal.displayName, userIdentityType: 'aadUser' },
        },
        body: { contentType, content: content.content },
        channelIdentity: { teamId, channelId },
        attachments: Array.isArray(body?.attachments) ? (body.attachments as ChatMessage['attachments']) : [],
        mentions: Array.isArray(body?.mentions) ? (body.mentions as ChatMessage['mentions']) : [],
        reactions: [],
      } as ChatMessage;
      ctx.db
        .prepare('INSERT INTO channel_messages (id, channel_id, data, created) VALUES (?, ?, ?, ?)')
        .run(`${channelId}/${id}`, channelId, JSON.stringify(message), now);
      return ok(
        {
          '@odata.context': `${ctx.serviceRoot}/$metadata#teams('${teamId}')/channels('${encodeURIComponent(channelId)}')/messages/$entity`,
          ...message,
        },
        201,
      );
    },
  },
];

/** `POST /_local/teams` creates a team with channels; `GET /_local/teams/{id}/channels/{id}/messages` reads back posts. */
export const teamsSeedRoutes: LocalRoute[] = [
  {
    method: 'POST',
    pattern: '/_local/teams',
    handler: (service, req) => {
      const input = new SeedInput(req.body, 'A seeded team');
      const displayName = input.string('displayName');
      const now = service.clock.now();
      const members = input.strings('members').map((upn) => service.tokens.ensureUser(upn, now));
      const channelNames = input.strings('channels');
      return service.db.transaction(() => {
        const teamId = randomUUID();
        prepared(service.db, 'INSERT INTO teams (id, display_name) VALUES (?, ?)').run(teamId, displayName);
        for (const m of members)
          prepared(service.db, 'INSERT INTO team_members (team_id, user_id) VALUES (?, ?)').run(teamId, m.id);
        const channels = (channelNames.length ? channelNames : ['General']).map((name) => {
          const id = `19:${randomUUID().replace(/-/g, '')}@thread.tacv2`;
          prepared(service.db, 'INSERT INTO channels (id, team_id, display_name) VALUES (?, ?, ?)').run(
            id,
            teamId,
            name,
          );
          return { id, displayName: name };
        });
        return { status: 201, body: { id: teamId, displayName, members: members.map((m) => m.upn), channels } };
      })();
    },
  },
  {
    method: 'GET',
    pattern: '/_local/teams/:teamId/channels/:channelId/messages',
    handler: (service, req) => {
      const channel = service.db
        .prepare('SELECT id FROM channels WHERE id = ? AND team_id = ?')
        .get(req.params.channelId, req.params.teamId);
      if (!channel) throw new GraphError(404, 'NotFound', `Channel '${req.params.channelId}' was not found.`);
      const rows = service.db
        .prepare('SELECT data FROM channel_messages WHERE channel_id = ? ORDER BY created, rowid')
        .all(req.params.channelId) as { data: string }[];
      return { status: 200, body: { value: rows.map((r) => JSON.parse(r.data) as ChatMessage) } };
    },
  },
];

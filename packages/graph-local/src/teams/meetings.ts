import { randomBytes, randomUUID } from 'node:crypto';
import type { Chat, OnlineMeeting } from '@microsoft/microsoft-graph-types';
import type { LocalUser } from '../auth/tokens.js';
import type { GraphService } from '../graphService.js';
import type { Route } from '../http/router.js';
import { ok } from '../http/context.js';
import { GraphError, badRequest } from '../http/graphError.js';
import { parseFilter } from '../odata/parseFilter.js';
import { checkQueryOptions, option } from '../odata/queryOptions.js';
import { prepared } from '../db/prepared.js';

/** Creates a Teams meeting and its chat (members: organizer and attendees), in the caller's transaction. */
export function createMeeting(
  service: GraphService,
  organizer: LocalUser,
  attendees: LocalUser[],
  subject: string,
  start: string,
  end: string,
): OnlineMeeting {
  const chatId = `19:meeting_${randomBytes(24).toString('base64url')}@thread.v2`;
  const tenantId = 'contoso-local-tenant';
  const joinWebUrl = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId)}/0?context=${encodeURIComponent(
    JSON.stringify({ Tid: tenantId, Oid: organizer.id }),
  )}`;
  const organizerIdentity = { id: organizer.id, displayName: organizer.displayName, userIdentityType: 'aadUser' };
  const now = service.clock.now().toISOString();
  const meeting: OnlineMeeting = {
    id: randomBytes(32).toString('base64url'),
    creationDateTime: now,
    startDateTime: start,
    endDateTime: end,
    joinWebUrl,
    subject,
    chatInfo: { threadId: chatId, messageId: '0' },
    participants: {
      organizer: {
        upn: organizer.upn,
        role: 'presenter',
        identity: { user: { id: organizer.id, displayName: organizer.displayName } },
      },
      attendees: attendees.map((a) => ({
        upn: a.upn,
        role: 'attendee',
        identity: { user: { id: a.id, displayName: a.displayName } },
      })),
    },
  };
  const chat: Chat = {
    id: chatId,
    topic: subject,
    createdDateTime: now,
    lastUpdatedDateTime: now,
    chatType: 'meeting',
    webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chatId)}/0?tenantId=${tenantId}`,
    tenantId,
    onlineMeetingInfo: { calendarEventId: null, joinWebUrl, organizer: organizerIdentity },
  } as Chat;
  const db = service.db;
  prepared(db, 'INSERT INTO online_meetings (id, user_id, join_web_url, chat_id, data) VALUES (?, ?, ?, ?, ?)').run(
    meeting.id,
    organizer.id,
    joinWebUrl,
    chatId,
    JSON.stringify(meeting),
  );
  prepared(db, 'INSERT INTO chats (id, data) VALUES (?, ?)').run(chatId, JSON.stringify(chat));
  for (const member of [organizer, ...attendees]) {
    prepared(db, 'INSERT OR IGNORE INTO chat_members (chat_id, user_id) VALUES (?, ?)').run(chatId, member.id);
  }
  return meeting;
}

/** `GET /chats/{id}` (members only) and `GET /me/onlineMeetings?$filter=JoinWebUrl eq '...'`. */
export const meetingRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/chats/:chatId',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, ['$select']);
      const row = prepared(ctx.db, 'SELECT data FROM chats WHERE id = ?').get(ctx.params.chatId) as
        { data: string } | undefined;
      if (!row) throw new GraphError(404, 'NotFound', `Chat '${ctx.params.chatId}' was not found.`);
      const member = ctx.db
        .prepare('SELECT 1 FROM chat_members WHERE chat_id = ? AND user_id = ?')
        .get(ctx.params.chatId, ctx.principal.userId);
      if (!member) throw new GraphError(403, 'Forbidden', 'The signed-in user is not a member of this chat.');
      return ok({ '@odata.context': `${ctx.serviceRoot}/$metadata#chats/$entity`, ...(JSON.parse(row.data) as Chat) });
    },
  },
  {
    method: 'GET',
    pattern: '/me/onlineMeetings',
    handler: (ctx) => {
      checkQueryOptions(ctx.query, ['$filter']);
      const filterText = option(ctx.query, '$filter');
      const filter = filterText === undefined ? undefined : parseFilter(filterText);
      if (
        filter?.kind !== 'compare' ||
        filter.op !== 'eq' ||
        filter.left.kind !== 'property' ||
        filter.left.path.join('/').toLowerCase() !== 'joinweburl' ||
        filter.right.kind !== 'literal' ||
        typeof filter.right.value !== 'string'
      ) {
        throw badRequest(`Only $filter=JoinWebUrl eq '{joinWebUrl}' is supported on /me/onlineMeetings.`);
      }
      const rows = ctx.db
        .prepare(
          `SELECT m.data FROM online_meetings m JOIN chat_members c ON c.chat_id = m.chat_id
           WHERE m.join_web_url = ? AND c.user_id = ?`,
        )
        .all(filter.right.value, ctx.principal.userId) as { data: string }[];
      return ok({
        '@odata.context': `${ctx.serviceRoot}/$metadata#users('${ctx.principal.userId}')/onlineMeetings`,
        value: rows.map((r) => JSON.parse(r.data) as OnlineMeeting),
      });
    },
  },
];

/** A fresh id for a Teams object. */
export function teamsId(): string {
  return randomUUID();
}

/** Which meeting the side panel is in. */
import type { app } from '@microsoft/teams-js';
import { resolveTeamsMeeting, type GraphClient } from '@tandem/graph';
import type { MeetingInfo } from '@tandem/ui';

/**
 * The meeting from Teams: the context names the meeting's chat, Graph gives its join URL, subject and times, and the
 * user's calendar event (whose id is the link's external id, as when the meeting is linked from Outlook).
 * In a browser the meeting comes from the query string (`meeting`, `subject`, `joinUrl`, `start`, `end`).
 */
export async function currentMeeting(href: string, graph: GraphClient, context?: app.Context): Promise<MeetingInfo> {
  const chatId = context?.chat?.id;
  if (chatId) {
    const resolved = await resolveTeamsMeeting(graph, chatId);
    const online = resolved.onlineMeeting;
    return {
      id: resolved.event?.id ?? online.id,
      joinUrl: resolved.joinWebUrl,
      ...(online.subject ? { subject: online.subject } : {}),
      ...(online.startDateTime ? { start: online.startDateTime } : {}),
      ...(online.endDateTime ? { end: online.endDateTime } : {}),
    };
  }
  const params = new URL(href).searchParams;
  const meeting: MeetingInfo = { id: context?.meeting?.id ?? params.get('meeting') ?? 'unknown' };
  for (const field of ['joinUrl', 'subject', 'start', 'end'] as const) {
    const value = params.get(field);
    if (value) meeting[field] = value;
  }
  return meeting;
}

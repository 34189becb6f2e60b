import { eq } from '@tandem/core';
import type { GraphClient } from '../client/graphClient.js';
import { GraphError } from '../client/graphError.js';

/** A Teams meeting found from its chat: the online meeting and the user's calendar event for it. */
export interface ResolvedMeeting {
  chatId: string;
  joinWebUrl: string;
  onlineMeeting: { id: string; subject?: string; startDateTime?: string; endDateTime?: string };
  /** The signed-in user's calendar event of the meeting, when it is in their calendar. */
  event: { id: string; subject?: string; iCalUId?: string; webLink?: string; categories?: string[] } | undefined;
}

interface Chat {
  onlineMeetingInfo?: { joinWebUrl?: string | null; calendarEventId?: string | null } | null;
}

interface OnlineMeeting {
  id: string;
  subject?: string;
  startDateTime?: string;
  endDateTime?: string;
}

interface CalendarEvent {
  id: string;
  subject?: string;
  iCalUId?: string;
  webLink?: string;
  categories?: string[];
  onlineMeeting?: { joinUrl?: string } | null;
}

/**
 * Resolves the meeting a Teams meeting side panel runs in, from its chat id: `GET /chats/{id}` gives the join URL,
 * `GET /me/onlineMeetings?$filter=JoinWebUrl eq '…'` the meeting and its times, and the calendar view around those
 * times the user's event with the same join URL.
 */
export async function resolveTeamsMeeting(client: GraphClient, chatId: string): Promise<ResolvedMeeting> {
  const chat = await client.get<Chat>(`/chats/${encodeURIComponent(chatId)}`);
  const joinWebUrl = chat.onlineMeetingInfo?.joinWebUrl;
  if (!joinWebUrl) {
    throw new GraphError({
      code: 'notAMeetingChat',
      status: 404,
      message: `chat ${chatId} is not the chat of an online meeting`,
      request: 'GET /chats/{id}',
    });
  }
  const filter = eq('JoinWebUrl', joinWebUrl);
  const meetings = await client.get<{ value?: OnlineMeeting[] }>(
    `/me/onlineMeetings?$filter=${encodeURIComponent(filter)}`,
  );
  const meeting = meetings.value?.[0];
  if (!meeting) {
    throw new GraphError({
      code: 'itemNotFound',
      status: 404,
      message: 'no online meeting has the join URL of this chat',
      request: 'GET /me/onlineMeetings',
    });
  }
  let event: CalendarEvent | undefined;
  if (meeting.startDateTime && meeting.endDateTime) {
    const view = await client.get<{ value?: CalendarEvent[] }>(
      `/me/calendarView?startDateTime=${encodeURIComponent(meeting.startDateTime)}&endDateTime=${encodeURIComponent(meeting.endDateTime)}`,
    );
    event = view.value?.find((e) => e.onlineMeeting?.joinUrl === joinWebUrl);
  }
  return {
    chatId,
    joinWebUrl,
    onlineMeeting: {
      id: meeting.id,
      ...(meeting.subject !== undefined ? { subject: meeting.subject } : {}),
      ...(meeting.startDateTime ? { startDateTime: meeting.startDateTime } : {}),
      ...(meeting.endDateTime ? { endDateTime: meeting.endDateTime } : {}),
    },
    event: event && {
      id: event.id,
      ...(event.subject !== undefined ? { subject: event.subject } : {}),
      ...(event.iCalUId ? { iCalUId: event.iCalUId } : {}),
      ...(event.webLink ? { webLink: event.webLink } : {}),
      categories: event.categories ?? [],
    },
  };
}

/** Which meeting the side panel is in. */
import type { app } from '@microsoft/teams-js';

/** The meeting as the panel needs it. */
export interface MeetingRef {
  id: string;
  joinUrl?: string;
  subject?: string;
  start?: string;
  end?: string;
}

/** The meeting from the Teams context, else from the page's query string; `unknown` when there is none. */
export function currentMeeting(href: string, context?: app.Context): MeetingRef {
  const params = new URL(href).searchParams;
  const id = context?.meeting?.id ?? params.get('meeting') ?? '';
  const meeting: MeetingRef = { id: id || 'unknown' };
  for (const field of ['joinUrl', 'subject', 'start', 'end'] as const) {
    const value = params.get(field);
    if (value) meeting[field] = value;
  }
  return meeting;
}

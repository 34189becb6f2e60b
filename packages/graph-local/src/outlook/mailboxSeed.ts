import { randomUUID } from 'node:crypto';
import type { Event, Message } from '@microsoft/microsoft-graph-types';
import type { GraphService } from '../graphService.js';
import type { LocalRoute } from '../local/localRoutes.js';
import { SeedInput } from '../local/seedInput.js';
import { createMeeting } from '../teams/meetings.js';
import { badRequest } from '../http/graphError.js';
import { outlookId } from './outlookIds.js';
import { saveMailboxItem } from './mailboxItems.js';
import type { MailboxResource } from './mailboxItems.js';

function address(service: GraphService, upnOrAddress: string) {
  const user = upnOrAddress.endsWith(`@${service.tenantDomain}`)
    ? service.tokens.ensureUser(upnOrAddress, service.clock.now())
    : undefined;
  return {
    emailAddress: { name: user?.displayName ?? upnOrAddress.split('@')[0]!, address: user?.upn ?? upnOrAddress },
  };
}

/** Outlook's event date-time: `{dateTime, timeZone}` in UTC with seven fractional digits. */
function outlookDateTime(iso: string) {
  return { dateTime: iso.replace(/\.(\d{3})Z$/, '.$10000').replace(/Z$/, ''), timeZone: 'UTC' };
}

/** Seeds a received message into a mailbox. */
function seedMessage(service: GraphService, upn: string, body: unknown): Message {
  const input = new SeedInput(body, 'A seeded message');
  const owner = service.tokens.ensureUser(upn, service.clock.now());
  const received = input.dateTime('receivedDateTime', service.clock.now());
  const text = input.optionalString('body') ?? '';
  const id = outlookId();
  const message = {
    id,
    createdDateTime: received,
    receivedDateTime: received,
    sentDateTime: received,
    hasAttachments: false,
    internetMessageId: input.optionalString('internetMessageId') ?? `<${randomUUID()}@${service.tenantDomain}>`,
    subject: input.string('subject'),
    bodyPreview: text.slice(0, 255),
    importance: 'normal',
    parentFolderId: 'inbox',
    conversationId: input.optionalString('conversationId') ?? outlookId(),
    isRead: input.boolean('isRead', false),
    isDraft: false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    categories: input.strings('categories'),
    body: { contentType: 'text', content: text },
    sender: address(service, input.string('from')),
    from: address(service, input.string('from')),
    toRecipients: (input.strings('to').length ? input.strings('to') : [owner.upn]).map((a) => address(service, a)),
    ccRecipients: input.strings('cc').map((a) => address(service, a)),
    flag: { flagStatus: 'notFlagged' },
  } as Message & MailboxResource;
  return service.db.transaction(() =>
    saveMailboxItem(service.db, 'message', owner.id, message, service.clock.now()),
  )() as Message;
}

/**
 * Seeds a meeting into the organizer's calendar and each attendee's (one iCalUId); an online meeting also gets a
 * Teams meeting (join URL, meeting chat with organizer and attendees as members).
 */
function seedEvent(service: GraphService, upn: string, body: unknown): Event {
  const input = new SeedInput(body, 'A seeded event');
  const now = service.clock.now();
  const organizer = service.tokens.ensureUser(upn, now);
  const attendees = input.strings('attendees').map((a) => service.tokens.ensureUser(a, now));
  const start = input.dateTime('start');
  const end = input.dateTime('end');
  if (end <= start) throw badRequest(`A seeded event: 'end' must be after 'start'.`);
  const subject = input.string('subject');
  const online = input.boolean('isOnlineMeeting', false);
  const iCalUId = `040000008200E00074C5B7101A82E008${randomUUID().replace(/-/g, '').toUpperCase()}`;
  return service.db.transaction(() => {
    const meeting = online ? createMeeting(service, organizer, attendees, subject, start, end) : undefined;
    let organizerEvent: Event | undefined;
    for (const owner of [organizer, ...attendees]) {
      const id = outlookId();
      const event = {
        id,
        createdDateTime: now.toISOString(),
        categories: owner === organizer ? input.strings('categories') : [],
        iCalUId,
        subject,
        bodyPreview: (input.optionalString('body') ?? '').slice(0, 255),
        body: { contentType: 'text', content: input.optionalString('body') ?? '' },
        importance: 'normal',
        isAllDay: false,
        isCancelled: false,
        isOrganizer: owner === organizer,
        showAs: 'busy',
        type: 'singleInstance',
        webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
        start: outlookDateTime(start),
        end: outlookDateTime(end),
        location: { displayName: input.optionalString('location') ?? (online ? 'Microsoft Teams Meeting' : '') },
        isOnlineMeeting: online,
        onlineMeetingProvider: online ? 'teamsForBusiness' : 'unknown',
        onlineMeeting: meeting ? { joinUrl: meeting.joinWebUrl } : null,
        organizer: address(service, organizer.upn),
        attendees: attendees.map((a) => ({
          type: 'required',
          status: { response: 'none', time: '0001-01-01T00:00:00Z' },
          ...address(service, a.upn),
        })),
      } as unknown as Event & MailboxResource;
      const saved = saveMailboxItem(service.db, 'event', owner.id, event, now) as Event;
      if (owner === organizer) organizerEvent = saved;
    }
    return organizerEvent!;
  })();
}

/** `POST /_local/mailboxes/{upn}/messages` and `/events`: received mail and meetings for a mailbox. */
export const mailboxSeedRoutes: LocalRoute[] = [
  {
    method: 'POST',
    pattern: '/_local/mailboxes/:upn/messages',
    handler: (service, req) => ({ status: 201, body: seedMessage(service, req.params.upn!, req.body) }),
  },
  {
    method: 'POST',
    pattern: '/_local/mailboxes/:upn/events',
    handler: (service, req) => ({ status: 201, body: seedEvent(service, req.params.upn!, req.body) }),
  },
];

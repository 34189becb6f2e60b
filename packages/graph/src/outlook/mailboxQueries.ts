import type { Event, Message } from '@microsoft/microsoft-graph-types';
import { isEntityKey, odataString, type PersonRef } from '@tandem/core';
import type { GraphClient } from '../client/graphClient.js';
import { linksExtensionName, type MailItemRef } from './tagging.js';

/**
 * A message or event as the Outlook add-in shows it: what a link may share (subject, sender or organiser, date),
 * its categories, the keys in Tandem's extension, and Outlook's preview (shown as text and read for suggestions,
 * never stored).
 */
export interface MailboxItemSummary extends MailItemRef {
  subject: string;
  /** The internetMessageId of a message, the iCalUId of an event: the same in every mailbox. */
  externalId: string;
  from?: PersonRef;
  /** Received, or the meeting's start, as an ISO instant. */
  occurredAt?: string;
  conversationId?: string;
  categories: string[];
  keys: string[];
  preview?: string;
}

const messageFields = 'id,subject,from,receivedDateTime,internetMessageId,conversationId,categories,bodyPreview';
const eventFields = 'id,subject,organizer,start,iCalUId,categories,bodyPreview';
const expandTandem = encodeURIComponent(`extensions($filter=id eq ${odataString(linksExtensionName)})`);

interface Page<T> {
  value?: T[];
}

type Addressed = { emailAddress?: { address?: string | null; name?: string | null } | null } | null | undefined;

function person(address: Addressed): PersonRef | undefined {
  const email = address?.emailAddress?.address ?? '';
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return undefined;
  return { email, displayName: (address?.emailAddress?.name ?? '').trim() || email };
}

function tandemKeys(item: { extensions?: unknown[] | null }): string[] {
  const wanted = linksExtensionName.toLowerCase();
  const ext = (item.extensions ?? []).find((e) => {
    const { id, extensionName } = e as { id?: string; extensionName?: string };
    return (extensionName ?? id ?? '').toLowerCase().endsWith(wanted);
  }) as { keys?: unknown } | undefined;
  return Array.isArray(ext?.keys) ? ext.keys.filter((k): k is string => typeof k === 'string' && isEntityKey(k)) : [];
}

/** Graph's `{dateTime, timeZone}` (UTC unless it says otherwise) as an ISO instant. */
function instant(value: { dateTime?: string | null } | null | undefined): string | undefined {
  const dt = value?.dateTime;
  if (!dt) return undefined;
  const ms = Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(dt) ? dt : `${dt}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** A Graph message as a {@link MailboxItemSummary}. */
export function messageSummary(m: Message & { id: string }): MailboxItemSummary {
  const from = person(m.from);
  return {
    type: 'message',
    id: m.id,
    externalId: m.internetMessageId || m.id,
    subject: m.subject ?? '',
    ...(from ? { from } : {}),
    ...(m.receivedDateTime ? { occurredAt: new Date(m.receivedDateTime).toISOString() } : {}),
    ...(m.conversationId ? { conversationId: m.conversationId } : {}),
    categories: m.categories ?? [],
    keys: tandemKeys(m as { extensions?: unknown[] }),
    ...(m.bodyPreview ? { preview: m.bodyPreview } : {}),
  };
}

/** A Graph event as a {@link MailboxItemSummary}. */
export function eventSummary(e: Event & { id: string }): MailboxItemSummary {
  const from = person(e.organizer);
  const start = instant(e.start);
  return {
    type: 'event',
    id: e.id,
    externalId: e.iCalUId || e.id,
    subject: e.subject ?? '',
    ...(from ? { from } : {}),
    ...(start ? { occurredAt: start } : {}),
    categories: e.categories ?? [],
    keys: tandemKeys(e as { extensions?: unknown[] }),
    ...(e.bodyPreview ? { preview: e.bodyPreview } : {}),
  };
}

function itemPath(ref: MailItemRef): string {
  if (typeof ref.id !== 'string' || ref.id.trim() === '')
    throw new TypeError(`${ref.type} id: must be a non-empty string`);
  return `/me/${ref.type === 'message' ? 'messages' : 'events'}/${encodeURIComponent(ref.id)}`;
}

/** One message or event by its REST id, with its Tandem keys. */
export async function readMailboxItem(client: GraphClient, ref: MailItemRef): Promise<MailboxItemSummary> {
  const fields = ref.type === 'message' ? messageFields : eventFields;
  const item = await client.get<(Message | Event) & { id: string }>(
    `${itemPath(ref)}?$select=${fields}&$expand=${expandTandem}`,
  );
  return ref.type === 'message'
    ? messageSummary(item as Message & { id: string })
    : eventSummary(item as Event & { id: string });
}

/** The latest messages in the mailbox, newest first. */
export async function recentMessages(client: GraphClient, top = 20): Promise<MailboxItemSummary[]> {
  const page = await client.get<Page<Message & { id: string }>>(
    `/me/messages?$select=${messageFields}&$orderby=receivedDateTime desc&$top=${top}&$expand=${expandTandem}`,
  );
  return (page.value ?? []).map(messageSummary);
}

/** Meetings overlapping `from`…`to` (the calendar view, which expands recurrences), earliest first. */
export async function meetingsBetween(
  client: GraphClient,
  from: Date,
  to: Date,
  top = 20,
): Promise<MailboxItemSummary[]> {
  const window = `startDateTime=${encodeURIComponent(from.toISOString())}&endDateTime=${encodeURIComponent(to.toISOString())}`;
  const page = await client.get<Page<Event & { id: string }>>(
    `/me/calendarView?${window}&$select=${eventFields}&$orderby=start/dateTime&$top=${top}&$expand=${expandTandem}`,
  );
  return (page.value ?? []).map(eventSummary);
}

/** Every message of a conversation in the mailbox, oldest first, with its keys. */
export async function conversationMessages(client: GraphClient, conversationId: string): Promise<MailboxItemSummary[]> {
  const filter = encodeURIComponent(`conversationId eq ${odataString(conversationId)}`);
  const page = await client.get<Page<Message & { id: string }>>(
    `/me/messages?$filter=${filter}&$select=${messageFields}&$orderby=receivedDateTime&$top=100&$expand=${expandTandem}`,
  );
  return (page.value ?? []).map(messageSummary);
}

/** The keys on earlier mail from `sender`, one entry per tagged message (suggestion evidence). */
export async function senderTaggedKeys(client: GraphClient, sender: string, top = 50): Promise<string[]> {
  const filter = encodeURIComponent(`from/emailAddress/address eq ${odataString(sender)}`);
  const page = await client.get<Page<Message & { id: string }>>(
    `/me/messages?$filter=${filter}&$select=id&$top=${top}&$expand=${expandTandem}`,
  );
  return (page.value ?? []).flatMap((m) => tandemKeys(m as { extensions?: unknown[] }));
}

import type { Event, Message } from '@microsoft/microsoft-graph-types';
import { odataString } from '@tandem/core';
import type { GraphClient } from '../client/graphClient.js';
import type { MailboxItemRef } from './mailboxLinks.js';
import { mailboxItemPath, type MailboxItemKind } from './mailboxPaths.js';
import { keysOfExtension, tandemExtensionName } from './tandemExtension.js';

/** A message or event as the add-in shows it: the shared metadata, its categories, its Tandem keys and a preview. */
export interface MailboxItemSummary extends MailboxItemRef {
  categories: string[];
  keys: string[];
  /** Outlook's body preview (messages) — shown as text and read for suggestions, never stored. */
  preview?: string;
}

const messageFields =
  'id,subject,from,receivedDateTime,internetMessageId,conversationId,categories,bodyPreview,webLink';
const eventFields = 'id,subject,organizer,start,end,iCalUId,categories,bodyPreview,webLink,onlineMeeting';
const expandTandem = `extensions($filter=id eq ${odataString(tandemExtensionName)})`;

interface Page<T> {
  value?: T[];
}

function person(
  address: { emailAddress?: { address?: string | null; name?: string | null } | null } | null | undefined,
) {
  const email = address?.emailAddress?.address ?? '';
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return undefined;
  return { email, displayName: (address?.emailAddress?.name ?? '').trim() || email };
}

function tandemKeys(item: { extensions?: unknown[] | null }): string[] {
  const ext = (item.extensions ?? []).find((e) =>
    String((e as { id?: string }).id ?? '').endsWith(tandemExtensionName),
  );
  return keysOfExtension(ext);
}

/** Graph's `{dateTime, timeZone}` (UTC in Tandem's requests) as an ISO instant. */
function instant(value: { dateTime?: string | null; timeZone?: string | null } | null | undefined): string | undefined {
  const dt = value?.dateTime;
  if (!dt) return undefined;
  const ms = Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(dt) ? dt : `${dt}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** A Graph message as a {@link MailboxItemSummary}. */
export function messageSummary(m: Message & { id: string }): MailboxItemSummary {
  const from = person(m.from);
  return {
    kind: 'message',
    id: m.id,
    externalId: m.internetMessageId || m.id,
    subject: m.subject ?? '',
    ...(from ? { from } : {}),
    ...(m.receivedDateTime ? { occurredAt: m.receivedDateTime } : {}),
    ...(m.webLink ? { url: m.webLink } : {}),
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
  const joinUrl = e.onlineMeeting?.joinUrl ?? undefined;
  const url = joinUrl ?? e.webLink ?? undefined;
  return {
    kind: 'event',
    id: e.id,
    externalId: e.iCalUId || e.id,
    subject: e.subject ?? '',
    ...(from ? { from } : {}),
    ...(start ? { occurredAt: start } : {}),
    ...(url ? { url } : {}),
    categories: e.categories ?? [],
    keys: tandemKeys(e as { extensions?: unknown[] }),
    ...(e.bodyPreview ? { preview: e.bodyPreview } : {}),
  };
}

/** One message or event by REST id, with its Tandem keys. */
export async function readMailboxItem(
  client: GraphClient,
  kind: MailboxItemKind,
  id: string,
): Promise<MailboxItemSummary> {
  const fields = kind === 'message' ? messageFields : eventFields;
  const item = await client.get<(Message | Event) & { id: string }>(
    `${mailboxItemPath(kind, id)}?$select=${fields}&$expand=${expandTandem}`,
  );
  return kind === 'message'
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

/** Meetings from `from` to `to` (the calendar view expands recurrences), earliest first. */
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

/** Every message of a conversation in the mailbox, with its keys. */
export async function conversationMessages(client: GraphClient, conversationId: string): Promise<MailboxItemSummary[]> {
  const filter = `conversationId eq ${odataString(conversationId)}`;
  const page = await client.get<Page<Message & { id: string }>>(
    `/me/messages?$filter=${encodeURIComponent(filter)}&$select=${messageFields}&$top=100&$expand=${expandTandem}`,
  );
  return (page.value ?? []).map(messageSummary);
}

/** The keys of earlier tagged mail from `sender`, one entry per message (for suggestions). */
export async function senderTaggedKeys(client: GraphClient, sender: string, top = 50): Promise<string[]> {
  const filter = `from/emailAddress/address eq ${odataString(sender)}`;
  const page = await client.get<Page<Message & { id: string }>>(
    `/me/messages?$filter=${encodeURIComponent(filter)}&$select=id&$top=${top}&$expand=${expandTandem}`,
  );
  return (page.value ?? []).flatMap((m) => tandemKeys(m as { extensions?: unknown[] }));
}

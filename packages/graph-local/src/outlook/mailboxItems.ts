import type { Database } from 'better-sqlite3';
import type { Event, Message } from '@microsoft/microsoft-graph-types';
import { GraphError, badRequest } from '../http/graphError.js';
import { changeKey } from './outlookIds.js';
import { prepared } from '../db/prepared.js';

/** The two kinds of mailbox item that carry categories and open extensions. */
export type MailboxItemKind = 'message' | 'event';

/** A message or an event as stored: its Graph resource (without extensions). */
export type MailboxResource = (Message | Event) & { id: string; categories?: string[] };

const tables: Record<MailboxItemKind, string> = { message: 'messages', event: 'events' };

/** The caller's item of this kind, or Outlook's 404 ErrorItemNotFound — also for another user's item. */
export function requireMailboxItem(db: Database, kind: MailboxItemKind, userId: string, id: string): MailboxResource {
  const row = prepared(db, `SELECT data FROM ${tables[kind]} WHERE id = ? AND user_id = ?`).get(id, userId) as
    { data: string } | undefined;
  if (!row) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return JSON.parse(row.data) as MailboxResource;
}

/** Every item of this kind in the caller's mailbox. */
export function mailboxItems(db: Database, kind: MailboxItemKind, userId: string): MailboxResource[] {
  const order = kind === 'message' ? 'received DESC' : 'start_utc ASC';
  const rows = prepared(db, `SELECT data FROM ${tables[kind]} WHERE user_id = ? ORDER BY ${order}, id`).all(userId) as {
    data: string;
  }[];
  return rows.map((r) => JSON.parse(r.data) as MailboxResource);
}

/** Stores a new or changed item (stamping a fresh change key and modification time). */
export function saveMailboxItem(
  db: Database,
  kind: MailboxItemKind,
  userId: string,
  item: MailboxResource,
  now: Date,
): MailboxResource {
  const key = changeKey();
  const stamped = {
    ...item,
    changeKey: key,
    lastModifiedDateTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  } as MailboxResource;
  (stamped as unknown as Record<string, unknown>)['@odata.etag'] = `W/"${key}"`;
  if (kind === 'message') {
    const m = stamped as Message;
    prepared(
      db,
      'INSERT INTO messages (id, user_id, data, received) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data',
    ).run(stamped.id, userId, JSON.stringify(stamped), m.receivedDateTime ?? '');
  } else {
    const e = stamped as Event;
    prepared(
      db,
      'INSERT INTO events (id, user_id, data, start_utc, end_utc) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data, start_utc = excluded.start_utc, end_utc = excluded.end_utc',
    ).run(stamped.id, userId, JSON.stringify(stamped), utc(e.start?.dateTime), utc(e.end?.dateTime));
  }
  return stamped;
}

/** The properties a client may PATCH on a received message or an event it attends. */
const patchable: Record<MailboxItemKind, string[]> = {
  message: ['categories', 'isRead', 'flag', 'importance', 'inferenceClassification'],
  event: ['categories', 'isReminderOn', 'reminderMinutesBeforeStart', 'showAs', 'sensitivity'],
};

/** Applies a PATCH body; only the properties above, each type-checked (categories: an array of strings). */
export function patchMailboxItem(kind: MailboxItemKind, item: MailboxResource, body: unknown): MailboxResource {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('The request body must be an object.');
  const next = { ...item } as Record<string, unknown>;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key.startsWith('@odata.')) continue;
    if (!patchable[kind].includes(key)) {
      throw new GraphError(
        400,
        'ErrorInvalidParameter',
        `The property '${key}' cannot be updated on this ${kind} here.`,
      );
    }
    if (key === 'categories' && (!Array.isArray(value) || value.some((c) => typeof c !== 'string'))) {
      throw new GraphError(400, 'ErrorInvalidParameter', `'categories' must be an array of category names.`);
    }
    next[key] = value;
  }
  return next as unknown as MailboxResource;
}

/** A date-time (UTC assumed when it has no offset, as Outlook's `{dateTime, timeZone:"UTC"}`) as an ISO instant. */
export function utc(dateTime: string | null | undefined): string {
  if (!dateTime) return '';
  const withZone = /[zZ]|[+-]\d{2}:\d{2}$/.test(dateTime) ? dateTime : `${dateTime}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
}

import { eq, type Link, type PersonRef, type Store, type Stored } from '@tandem/core';
import type { GraphClient } from '../client/graphClient.js';
import { GraphError } from '../client/graphError.js';
import { categoryNameOf, ensureInitiativeCategory } from './categories.js';
import { linkIdOf } from './linkId.js';

/** The fixed name of Tandem's open extension on messages and events; it holds the tagged keys. */
export const linksExtensionName = 'com.tandem.links';
const linksExtensionId = `Microsoft.OutlookServices.OpenTypeExtension.${linksExtensionName}`;

/** A message or an event of the signed-in user. */
export interface MailItemRef {
  type: 'message' | 'event';
  /** The Graph (REST) id of the item. */
  id: string;
}

/** What to tag an item with, and who does it. */
export interface TagRequest {
  item: MailItemRef;
  /** The initiative's key (`INI-7`): it names the category and goes in the extension. */
  initiativeKey: string;
  /** The person tagging, as they appear on the link. */
  taggedBy: PersonRef;
  /** When, as an ISO timestamp. */
  at: string;
}

/** The result of tagging: the item's categories and keys after the change, and the link item. */
export interface TagResult {
  categories: string[];
  keys: string[];
  link: Stored<Link> | undefined;
}

interface MailItem {
  id: string;
  subject?: string;
  categories?: string[];
  internetMessageId?: string;
  webLink?: string;
  receivedDateTime?: string;
  from?: { emailAddress?: { name?: string; address?: string } };
  organizer?: { emailAddress?: { name?: string; address?: string } };
  start?: { dateTime?: string; timeZone?: string };
  onlineMeeting?: { joinUrl?: string } | null;
  extensions?: { id?: string; keys?: unknown }[];
}

function collection(item: MailItemRef): string {
  return item.type === 'message' ? '/me/messages' : '/me/events';
}

async function readItem(client: GraphClient, ref: MailItemRef): Promise<MailItem> {
  const select =
    ref.type === 'message'
      ? 'id,subject,categories,internetMessageId,webLink,receivedDateTime,from'
      : 'id,subject,categories,webLink,start,organizer,onlineMeeting';
  const expand = `extensions($filter=${eq('id', linksExtensionId)})`;
  return client.get<MailItem>(
    `${collection(ref)}/${encodeURIComponent(ref.id)}?$select=${select}&$expand=${encodeURIComponent(expand)}`,
  );
}

function keysOf(item: MailItem): string[] | undefined {
  const extension = item.extensions?.find((e) => e.id === linksExtensionId || e.id === linksExtensionName);
  if (!extension) return undefined;
  return Array.isArray(extension.keys) ? extension.keys.filter((k): k is string => typeof k === 'string') : [];
}

/**
 * Writes the keys into the item's extension. PATCH replaces every property of an open extension, so the whole
 * key list is always sent (read-modify-write); an empty list removes the extension.
 */
async function writeKeys(
  client: GraphClient,
  ref: MailItemRef,
  before: string[] | undefined,
  keys: string[],
): Promise<void> {
  const base = `${collection(ref)}/${encodeURIComponent(ref.id)}/extensions`;
  if (keys.length === 0) {
    if (before !== undefined) await client.delete(`${base}/${linksExtensionName}`);
    return;
  }
  const body = { '@odata.type': '#microsoft.graph.openTypeExtension', extensionName: linksExtensionName, keys };
  if (before === undefined) {
    try {
      await client.post(base, body);
      return;
    } catch (error) {
      // Someone else created it since we read (409), or the answer was lost and ours may have landed (ambiguous):
      // replace it below, which writes the same keys either way.
      if (!(error instanceof GraphError) || !(error.status === 409 || error.ambiguous)) throw error;
    }
  }
  try {
    await client.patch(`${base}/${linksExtensionName}`, body);
  } catch (error) {
    // The create whose answer was lost had not landed after all: create it now.
    if (before !== undefined || !(error instanceof GraphError) || error.status !== 404) throw error;
    await client.post(base, body);
  }
}

function person(address: { name?: string; address?: string } | undefined): PersonRef | undefined {
  if (!address?.address) return undefined;
  return { email: address.address, displayName: address.name || address.address };
}

function linkFor(request: TagRequest, item: MailItem): Link {
  const isMessage = request.item.type === 'message';
  const externalId = isMessage ? (item.internetMessageId ?? item.id) : item.id;
  const url = isMessage ? item.webLink : (item.onlineMeeting?.joinUrl ?? item.webLink);
  const author = person(isMessage ? item.from?.emailAddress : item.organizer?.emailAddress);
  const occurredAt = isMessage ? item.receivedDateTime : item.start?.dateTime && toUtc(item.start.dateTime);
  return {
    id: linkIdOf(request.initiativeKey, externalId),
    kind: isMessage ? 'email' : 'meeting',
    targetKey: request.initiativeKey,
    externalId: externalId.slice(0, 255),
    title: (item.subject || '(no subject)').slice(0, 255),
    linkedBy: request.taggedBy,
    linkedAt: request.at,
    ...(url && /^https?:\/\//i.test(url) ? { url } : {}),
    ...(author ? { author } : {}),
    ...(occurredAt ? { occurredAt } : {}),
  };
}

/** Graph gives event times without a zone (in the zone named beside them, UTC by default). */
function toUtc(dateTime: string): string {
  return /[zZ]|[+-]\d\d:\d\d$/.test(dateTime) ? dateTime : `${dateTime.replace(/\.\d+$/, '')}Z`;
}

/**
 * Tags a message or an event with an initiative: writes the link item on the site first (only the metadata: subject,
 * sender, date — never the body), then ensures the initiative's master category, adds it to the item keeping the
 * user's other categories, and adds the key to Tandem's open extension. Safe to repeat; when the site refuses the link
 * (a read-only user) the mailbox is left unchanged.
 */
export async function tagMailItem(client: GraphClient, store: Store, request: TagRequest): Promise<TagResult> {
  const item = await readItem(client, request.item);
  // The site write goes first: a user the site refuses (a reader) or a failed link leaves the mailbox as it was,
  // never a tagged message that nobody sees in Teams. The link is idempotent, so a retry after a later failure is safe.
  const link = await store.create('link', linkFor(request, item));
  const category = await ensureInitiativeCategory(client, request.initiativeKey);
  const categories = [...(item.categories ?? [])];
  if (!categories.some((c) => c.toLowerCase() === category.displayName.toLowerCase())) {
    categories.push(category.displayName);
    await client.patch(`${collection(request.item)}/${encodeURIComponent(request.item.id)}`, { categories });
  }
  const before = keysOf(item);
  const keys = [...(before ?? [])];
  if (!keys.includes(request.initiativeKey)) {
    keys.push(request.initiativeKey);
    await writeKeys(client, request.item, before, keys);
  }
  return { categories, keys, link: link as Stored<Link> };
}

/**
 * Removes an initiative's tag from a message or an event: the link item first, then its category (the user's others
 * stay) and its key from the extension.
 */
export async function untagMailItem(
  client: GraphClient,
  store: Store,
  request: Omit<TagRequest, 'taggedBy' | 'at'>,
): Promise<TagResult> {
  const item = await readItem(client, request.item);
  // The site write goes first here too: a refused delete leaves the mailbox still tagged, as the site still shows it.
  const externalId = request.item.type === 'message' ? (item.internetMessageId ?? item.id) : item.id;
  const id = linkIdOf(request.initiativeKey, externalId);
  const link = await store.get('link', id);
  if (link) await store.delete('link', id, link.etag);
  const name = categoryNameOf(request.initiativeKey).toLowerCase();
  const categories = (item.categories ?? []).filter((c) => c.toLowerCase() !== name);
  if (categories.length !== (item.categories ?? []).length) {
    await client.patch(`${collection(request.item)}/${encodeURIComponent(request.item.id)}`, { categories });
  }
  const before = keysOf(item);
  const keys = (before ?? []).filter((k) => k !== request.initiativeKey);
  if (before && keys.length !== before.length) await writeKeys(client, request.item, before, keys);
  return { categories, keys, link: undefined };
}

/** The keys Tandem's extension holds on an item (empty when untagged). */
export async function keysOnMailItem(client: GraphClient, ref: MailItemRef): Promise<string[]> {
  return keysOf(await readItem(client, ref)) ?? [];
}

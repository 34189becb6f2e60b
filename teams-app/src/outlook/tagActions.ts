/**
 * Tagging from the pane: Graph does the work (`tagMailItem`: category, extension, link item — each step idempotent);
 * when the item is the one open in Outlook and Outlook offers `item.categories` (Mailbox 1.8), the category is mirrored
 * there too, so Outlook shows it at once instead of after its next sync.
 */
import type { PersonRef, Store } from '@tandem/core';
import {
  categoryNameOf,
  conversationMessages,
  tagMailItem,
  untagMailItem,
  type GraphClient,
  type MailItemRef,
} from '@tandem/graph';
import { officeAsync, type OfficeItem } from './officeApi.js';

/** Who tags, with what, and the item open in Outlook (when there is one). */
export interface Tagger {
  client: GraphClient;
  store: Store;
  user: PersonRef;
  /** The Outlook item whose REST id is `openRef.id`. */
  openItem?: { ref: MailItemRef; item: OfficeItem };
}

async function mirrorCategory(tagger: Tagger, ref: MailItemRef, key: string, add: boolean): Promise<void> {
  const open = tagger.openItem;
  const categories = open?.item.categories;
  if (!open || open.ref.id !== ref.id || !categories) return;
  const name = categoryNameOf(key);
  const current = await officeAsync<{ displayName: string }[]>('categories.getAsync', (cb) => categories.getAsync(cb));
  const has = current.some((c) => c.displayName.toLowerCase() === name.toLowerCase());
  if (add && !has) await officeAsync<void>('categories.addAsync', (cb) => categories.addAsync([name], cb));
  if (!add && has) await officeAsync<void>('categories.removeAsync', (cb) => categories.removeAsync([name], cb));
}

/** Tags one item with `key`. */
export async function tagItem(tagger: Tagger, ref: MailItemRef, key: string): Promise<void> {
  await tagMailItem(tagger.client, tagger.store, {
    item: ref,
    initiativeKey: key,
    taggedBy: tagger.user,
    at: new Date().toISOString(),
  });
  await mirrorCategory(tagger, ref, key, true);
}

/** Removes exactly what {@link tagItem} added for `key`. */
export async function untagItem(tagger: Tagger, ref: MailItemRef, key: string): Promise<void> {
  await untagMailItem(tagger.client, tagger.store, { item: ref, initiativeKey: key });
  await mirrorCategory(tagger, ref, key, false);
}

/** Tags every message of a conversation with each of `keys`; returns how many messages were tagged. */
export async function tagConversation(
  tagger: Tagger,
  conversationId: string,
  keys: readonly string[],
): Promise<number> {
  const messages = await conversationMessages(tagger.client, conversationId);
  for (const message of messages) {
    for (const key of keys) if (!message.keys.includes(key)) await tagItem(tagger, message, key);
  }
  return messages.length;
}

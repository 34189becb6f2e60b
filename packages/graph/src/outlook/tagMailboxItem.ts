import type { PersonRef, Store } from '@tandem/core';
import type { GraphClient } from '../client/graphClient.js';
import { categoryNameFor } from './categoryPreset.js';
import { addItemCategory, removeItemCategory } from './itemCategories.js';
import { ensureMasterCategory } from './masterCategories.js';
import { mailboxLink, mailboxLinkId, type MailboxItemRef } from './mailboxLinks.js';
import { updateItemKeys } from './tandemExtension.js';

/** Who tags, and where the link items go. */
export interface MailboxTagging {
  client: GraphClient;
  store: Store;
  user: PersonRef;
  /** Defaults to the current time. */
  now?: () => Date;
}

/** What one tagging or untagging did. */
export interface TagOutcome {
  key: string;
  /** The category was added to (or removed from) the item by this call. */
  categoryChanged: boolean;
  /** The keys in the item's Tandem extension afterwards. */
  keys: string[];
  /** The id of the link item. */
  linkId: string;
}

/**
 * Tags an email or meeting with an initiative or objective key: the key's master category (created with its colour
 * when missing) on the item beside the user's own categories, the key in the item's Tandem extension, and a link item
 * with subject, sender and date. Every step is idempotent, so a retry after any failure ends tagged exactly once.
 */
export async function tagMailboxItem(tagging: MailboxTagging, item: MailboxItemRef, key: string): Promise<TagOutcome> {
  const category = await ensureMasterCategory(tagging.client, key);
  const categoryChanged = await addItemCategory(
    tagging.client,
    item.kind,
    item.id,
    category.displayName ?? categoryNameFor(key),
  );
  const keys = await updateItemKeys(tagging.client, item.kind, item.id, { add: [key] });
  const link = await mailboxLink(item, key, tagging.user, (tagging.now ?? (() => new Date()))());
  await tagging.store.create('link', link);
  return { key, categoryChanged, keys, linkId: link.id };
}

/**
 * Undoes {@link tagMailboxItem} for one key, removing exactly what it added: the key's category (the user's other
 * categories stay), the key from the extension (other keys stay; the extension goes with its last key), and the link
 * item. The master category stays in the user's list for other items. Safe to repeat.
 */
export async function untagMailboxItem(
  tagging: MailboxTagging,
  item: MailboxItemRef,
  key: string,
): Promise<TagOutcome> {
  const categoryChanged = await removeItemCategory(tagging.client, item.kind, item.id, categoryNameFor(key));
  const keys = await updateItemKeys(tagging.client, item.kind, item.id, { remove: [key] });
  const linkId = await mailboxLinkId(item.kind, item.externalId, key);
  const stored = await tagging.store.get('link', linkId);
  if (stored) await tagging.store.delete('link', linkId, stored.etag);
  return { key, categoryChanged, keys, linkId };
}

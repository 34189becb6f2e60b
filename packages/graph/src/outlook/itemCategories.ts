import type { GraphClient } from '../client/graphClient.js';
import { mailboxItemPath, type MailboxItemKind } from './mailboxPaths.js';

/** The categories on an item. */
export async function readItemCategories(client: GraphClient, kind: MailboxItemKind, id: string): Promise<string[]> {
  const item = await client.get<{ categories?: string[] }>(`${mailboxItemPath(kind, id)}?$select=categories`);
  return item.categories ?? [];
}

/**
 * Adds `category` to an item, keeping every other category on it (PATCH replaces the whole list, so it is read first).
 * Returns whether it was added (false when it was there already). Safe to repeat.
 */
export async function addItemCategory(
  client: GraphClient,
  kind: MailboxItemKind,
  id: string,
  category: string,
): Promise<boolean> {
  const current = await readItemCategories(client, kind, id);
  if (current.some((c) => c.toLowerCase() === category.toLowerCase())) return false;
  await client.patch(mailboxItemPath(kind, id), { categories: [...current, category] });
  return true;
}

/** Removes `category` from an item, keeping every other category. Returns whether it was there. Safe to repeat. */
export async function removeItemCategory(
  client: GraphClient,
  kind: MailboxItemKind,
  id: string,
  category: string,
): Promise<boolean> {
  const current = await readItemCategories(client, kind, id);
  const kept = current.filter((c) => c.toLowerCase() !== category.toLowerCase());
  if (kept.length === current.length) return false;
  await client.patch(mailboxItemPath(kind, id), { categories: kept });
  return true;
}

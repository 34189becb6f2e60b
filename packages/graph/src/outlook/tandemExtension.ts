import { isEntityKey } from '@tandem/core';
import type { GraphClient } from '../client/graphClient.js';
import { isConflict, isNotFound, mailboxItemPath, type MailboxItemKind } from './mailboxPaths.js';

/** The one open extension Tandem keeps on a message or event. */
export const tandemExtensionName = 'Com.Tandem.Links';

/** What the extension holds: the keys the item is tagged with, and the format's version. */
export interface TandemExtensionData {
  keys: string[];
  version: 1;
}

/** The keys in an extension body as Graph returns it; anything that is not a key is ignored. */
export function keysOfExtension(extension: unknown): string[] {
  const keys = (extension as { keys?: unknown } | undefined)?.keys;
  if (!Array.isArray(keys)) return [];
  return keys.filter((k): k is string => typeof k === 'string' && isEntityKey(k));
}

function extensionPath(kind: MailboxItemKind, id: string): string {
  return `${mailboxItemPath(kind, id)}/extensions/${tandemExtensionName}`;
}

/** The keys in the item's Tandem extension (none when it has no extension). */
export async function readItemKeys(client: GraphClient, kind: MailboxItemKind, id: string): Promise<string[]> {
  try {
    return keysOfExtension(await client.get(extensionPath(kind, id)));
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/**
 * Changes the keys in the item's extension by read-modify-write (a PATCH replaces every property, so the whole set is
 * sent): creates the extension on the first key, deletes it when the last key goes. Returns the keys now stored.
 */
export async function updateItemKeys(
  client: GraphClient,
  kind: MailboxItemKind,
  id: string,
  change: { add?: readonly string[]; remove?: readonly string[] },
  attempt = 1,
): Promise<string[]> {
  for (const key of [...(change.add ?? []), ...(change.remove ?? [])]) {
    if (!isEntityKey(key)) throw new TypeError(`key: ${JSON.stringify(key)} is not a key such as INI-7`);
  }
  let exists = true;
  let current: string[];
  try {
    current = keysOfExtension(await client.get(extensionPath(kind, id)));
  } catch (error) {
    if (!isNotFound(error)) throw error;
    exists = false;
    current = [];
  }
  const removed = new Set(change.remove ?? []);
  const next = current.filter((k) => !removed.has(k));
  for (const key of change.add ?? []) if (!next.includes(key)) next.push(key);
  if (exists && sameKeys(next, current)) return current;
  if (!exists && next.length === 0) return next;
  const data: TandemExtensionData = { keys: next, version: 1 };
  if (next.length === 0) {
    try {
      await client.delete(extensionPath(kind, id));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  } else if (exists) {
    await client.patch(extensionPath(kind, id), { '@odata.type': 'microsoft.graph.openTypeExtension', ...data });
  } else {
    try {
      await client.post(`${mailboxItemPath(kind, id)}/extensions`, {
        '@odata.type': 'microsoft.graph.openTypeExtension',
        extensionName: tandemExtensionName,
        ...data,
      });
    } catch (error) {
      // Created meanwhile (or by our own earlier attempt): merge into what is there.
      if (!isConflict(error) || attempt >= 3) throw error;
      return updateItemKeys(client, kind, id, change, attempt + 1);
    }
  }
  return next;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

import type { GraphClient } from '../client/graphClient.js';
import { GraphError } from '../client/graphError.js';

/** An Outlook master category. */
export interface OutlookCategory {
  id: string;
  displayName: string;
  color: string;
}

/** The category name of an initiative: its key, which is unique, stable and what people recognise. */
export function categoryNameOf(initiativeKey: string): string {
  return initiativeKey;
}

/**
 * The colour preset of an initiative's category: `preset0`…`preset24`, derived from the key so that every mailbox
 * shows the same initiative in the same colour.
 */
export function categoryColorOf(initiativeKey: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < initiativeKey.length; i++) {
    hash ^= initiativeKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `preset${(hash >>> 0) % 25}`;
}

/**
 * Makes sure the signed-in user has the master category of the initiative, creating it if needed; returns it.
 * An existing category of that name is kept as the user set it (its colour is theirs to change).
 */
export async function ensureInitiativeCategory(client: GraphClient, initiativeKey: string): Promise<OutlookCategory> {
  const name = categoryNameOf(initiativeKey);
  const find = async () =>
    (await client.get<{ value?: OutlookCategory[] }>('/me/outlook/masterCategories')).value?.find(
      (c) => c.displayName.toLowerCase() === name.toLowerCase(),
    );
  for (let attempt = 1; ; attempt++) {
    const existing = await find();
    if (existing) return existing;
    try {
      return await client.post<OutlookCategory>('/me/outlook/masterCategories', {
        displayName: name,
        color: categoryColorOf(initiativeKey),
      });
    } catch (error) {
      // Another device created it a moment ago (409), or the answer was lost and ours may have landed (ambiguous):
      // look again before creating it, so it is never made twice.
      const recheck = error instanceof GraphError && (error.status === 409 || error.ambiguous);
      if (!recheck || attempt >= maxCreateAttempts) throw error;
    }
  }
}

/** How many times a create whose outcome was unknown is checked and sent again. */
const maxCreateAttempts = 3;

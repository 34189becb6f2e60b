import type { OutlookCategory } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../client/graphClient.js';
import { categoryColorFor, categoryNameFor } from './categoryPreset.js';
import { isConflict } from './mailboxPaths.js';

interface CategoryPage {
  value?: OutlookCategory[];
}

async function findCategory(client: GraphClient, name: string): Promise<OutlookCategory | undefined> {
  const page = await client.get<CategoryPage>('/me/outlook/masterCategories');
  const wanted = name.toLowerCase();
  return (page.value ?? []).find((c) => c.displayName?.toLowerCase() === wanted);
}

/**
 * The master category of `key` in the signed-in user's mailbox, created with the key's colour preset when missing.
 * A category the user already has under that name is kept as it is (their colour wins). Safe to repeat: a create
 * that loses a race (409) reads the winner back.
 */
export async function ensureMasterCategory(client: GraphClient, key: string): Promise<OutlookCategory> {
  const name = categoryNameFor(key);
  const existing = await findCategory(client, name);
  if (existing) return existing;
  try {
    return await client.post<OutlookCategory>('/me/outlook/masterCategories', {
      displayName: name,
      color: categoryColorFor(key),
    });
  } catch (error) {
    if (!isConflict(error)) throw error;
    const winner = await findCategory(client, name);
    if (!winner) throw error;
    return winner;
  }
}

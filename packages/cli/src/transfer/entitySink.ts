import { ConflictError, type EntityKind, type EntityOf, type KeyedKind, type Store } from '@tandem/core';
import { isKeyedKind } from './entityRows.js';

/** What an import writes into: a batch of validated entities at a time, each upserted by its key (or id). */
export interface EntitySink<K extends EntityKind = EntityKind> {
  /** Stores every entity of `batch` (creating or updating by key), resolving once all are stored; rejects otherwise. */
  write(batch: readonly EntityOf<K>[]): Promise<{ created: number; updated: number }>;
}

/** How many writes of one batch a store sink keeps in flight. */
const concurrency = 8;

/**
 * A sink over any `Store`: each entity is looked up by key (keyed kinds) or id and updated in place, or created with its
 * id (so a retried create can never make a second item). An update that loses a race to another writer is read again
 * and retried once; any other failure rejects.
 */
export function storeSink<K extends EntityKind>(store: Store, kind: K): EntitySink<K> {
  const upsert = async (entity: EntityOf<K>, retried = false): Promise<'created' | 'updated'> => {
    const value = entity as EntityOf<K> & { id: string; key?: string };
    const existing =
      isKeyedKind(kind) && value.key !== undefined
        ? await store.getByKey(kind as K & KeyedKind, value.key)
        : await store.get(kind, value.id);
    if (!existing) {
      await store.create(kind, entity);
      return 'created';
    }
    const patch = { ...value } as Record<string, unknown>;
    delete patch.id;
    delete patch.key;
    // Fields the file leaves out are cleared, so the stored item ends up exactly as the row says.
    for (const field of Object.keys(existing.value as Record<string, unknown>)) {
      if (!(field in patch) && field !== 'id' && field !== 'key') patch[field] = undefined;
    }
    try {
      await store.update(kind, (existing.value as { id: string }).id, patch as never, existing.etag);
      return 'updated';
    } catch (error) {
      if (error instanceof ConflictError && !retried) return upsert(entity, true);
      throw error;
    }
  };
  return {
    async write(batch) {
      const counts = { created: 0, updated: 0 };
      for (let start = 0; start < batch.length; start += concurrency) {
        const outcomes = await Promise.all(batch.slice(start, start + concurrency).map((entity) => upsert(entity)));
        for (const outcome of outcomes) counts[outcome]++;
      }
      return counts;
    },
  };
}

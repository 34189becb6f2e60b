import { createHash } from 'node:crypto';
import { ConflictError, type EntityKind, type EntityOf, type Store, type Stored } from '@tandem/core';
import { isKeyedKind } from './entityRows.js';

/** What one sink call did. */
export interface SinkCounts {
  created: number;
  updated: number;
  /** Rows equal to what is stored already: nothing was written for them. */
  unchanged: number;
}

/** What an import writes into: a batch of validated entities at a time, each upserted by its key (or id). */
export interface EntitySink<K extends EntityKind = EntityKind> {
  /** Stores every entity of `batch` (creating or updating by key), resolving once all are stored; rejects otherwise. */
  write(batch: readonly EntityOf<K>[]): Promise<SinkCounts>;
}

/** A store that can also create many items at once (GraphStore does, with JSON batches). */
export interface BatchingStore extends Store {
  createMany?<K extends EntityKind>(kind: K, values: readonly EntityOf<K>[]): Promise<Stored<EntityOf<K>>[]>;
}

/** Tuning of {@link openStoreSink}. */
export interface SinkOptions {
  /**
   * Makes a new store for creates. A store remembers what it wrote (GraphStore keeps every item for merging later
   * edits); new items need none of that here, so creates go through a store renewed every `renewEvery` items and an
   * import's memory stays flat however many rows it writes.
   */
  freshStore?: () => BatchingStore;
  /** Default 1000. */
  renewEvery?: number;
}

/** How many updates a sink keeps in flight. */
const concurrency = 6;

interface Existing {
  id: string;
  etag: string;
  fingerprint: string;
}

function identityOf(kind: EntityKind, value: unknown): string {
  const v = value as { id: string; key?: string };
  return isKeyedKind(kind) && v.key !== undefined ? v.key : v.id;
}

function fingerprintOf(value: unknown, id: string): string {
  const record: Record<string, unknown> = { ...(value as Record<string, unknown>), id };
  const sorted = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => [k, record[k]]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('base64');
}

/**
 * A sink over a `Store`. It first reads what the list holds (keeping only each item's id, ETag and a fingerprint, not
 * the items), then per batch: new entities are created together (`createMany`, one `$batch`, when the store has it),
 * changed ones are updated with `If-Match`, equal ones are left alone. A keyed row updates the item holding its key,
 * keeping that item's id, so re-importing a file never duplicates. An update that loses a race is retried once.
 */
export async function openStoreSink<K extends EntityKind>(
  store: BatchingStore,
  kind: K,
  options: SinkOptions = {},
): Promise<EntitySink<K>> {
  const renewEvery = options.renewEvery ?? 1000;
  let createStore = options.freshStore?.() ?? store;
  let createdByThisStore = 0;
  const existing = new Map<string, Existing>();
  for (const stored of await store.query(kind)) {
    const id = (stored.value as { id: string }).id;
    existing.set(identityOf(kind, stored.value), {
      id,
      etag: stored.etag,
      fingerprint: fingerprintOf(stored.value, id),
    });
  }

  const update = async (entity: EntityOf<K>, found: Existing, retried = false): Promise<void> => {
    const patch = { ...(entity as Record<string, unknown>) };
    delete patch.id;
    delete patch.key;
    try {
      const stored = await store.update(kind, found.id, patch as never, found.etag);
      existing.set(identityOf(kind, entity), {
        ...found,
        etag: stored.etag,
        fingerprint: fingerprintOf(stored.value, found.id),
      });
    } catch (error) {
      if (!(error instanceof ConflictError) || retried || !error.theirs) throw error;
      await update(entity, { ...found, etag: error.theirs.etag }, true);
    }
  };

  return {
    async write(batch) {
      const counts: SinkCounts = { created: 0, updated: 0, unchanged: 0 };
      const creates: EntityOf<K>[] = [];
      const updates: [EntityOf<K>, Existing][] = [];
      for (const entity of batch) {
        const found = existing.get(identityOf(kind, entity));
        if (!found) creates.push(entity);
        else if (found.fingerprint === fingerprintOf(entity, found.id)) counts.unchanged++;
        else updates.push([{ ...entity, id: found.id } as EntityOf<K>, found]);
      }
      if (creates.length > 0) {
        if (options.freshStore && createdByThisStore >= renewEvery) {
          createStore = options.freshStore();
          createdByThisStore = 0;
        }
        createdByThisStore += creates.length;
        // Rows are unique by key (the import checked), so what is created here is never looked up again.
        const stored = createStore.createMany
          ? await createStore.createMany(kind, creates)
          : await Promise.all(creates.map((entity) => createStore.create(kind, entity)));
        counts.created += stored.length;
      }
      for (let start = 0; start < updates.length; start += concurrency) {
        await Promise.all(updates.slice(start, start + concurrency).map(([entity, found]) => update(entity, found)));
      }
      counts.updated += updates.length;
      return counts;
    },
  };
}

import type { EntityKind, EntityOf, KeyedKind, Patch, QueryOptions, Store, StoreListener, Stored } from '@tandem/core';
import type { GraphStore } from '../store/graphStore.js';
import type { PortfolioCache } from './portfolioCache.js';

/**
 * core's `Store` for hosts: reads come from the {@link PortfolioCache} (no request once it has loaded), writes go
 * through the {@link GraphStore} (ETags, merge, idempotent creates) and show in the cache at once, and `watch` reports
 * every change — this client's and, after each refresh, everyone else's. The first read waits for the first refresh.
 */
export class SyncedStore implements Store {
  private firstLoad: Promise<unknown> | undefined;

  constructor(
    readonly graph: GraphStore,
    readonly cache: PortfolioCache,
  ) {}

  /** Resolves once the cache has loaded (from storage and one refresh); later calls resolve at once. */
  ready(): Promise<unknown> {
    this.firstLoad ??= this.cache
      .load()
      .then(() => this.cache.refresh())
      .catch((error: unknown) => {
        this.firstLoad = undefined; // let the next read try again
        throw error;
      });
    return this.firstLoad;
  }

  create<K extends EntityKind>(kind: K, value: EntityOf<K>): Promise<Stored<EntityOf<K>>> {
    return this.graph.create(kind, value);
  }

  async get<K extends EntityKind>(kind: K, id: string): Promise<Stored<EntityOf<K>> | undefined> {
    await this.ready();
    return this.cache.get(kind, id);
  }

  async getByKey<K extends KeyedKind>(kind: K, key: string): Promise<Stored<EntityOf<K>> | undefined> {
    await this.ready();
    return this.cache.list(kind).find((s) => (s.value as { key?: string }).key === key);
  }

  update<K extends EntityKind>(
    kind: K,
    id: string,
    patch: Patch<EntityOf<K>>,
    etag: string,
  ): Promise<Stored<EntityOf<K>>> {
    return this.graph.update(kind, id, patch, etag);
  }

  delete<K extends EntityKind>(kind: K, id: string, etag: string): Promise<void> {
    return this.graph.delete(kind, id, etag);
  }

  async query<K extends EntityKind>(kind: K, options: QueryOptions<EntityOf<K>> = {}): Promise<Stored<EntityOf<K>>[]> {
    await this.ready();
    const where = Object.entries((options.where ?? {}) as Record<string, unknown>).filter(([, v]) => v !== undefined);
    let results = this.cache
      .list(kind)
      .filter((s) => where.every(([field, v]) => (s.value as Record<string, unknown>)[field] === v));
    const order = options.orderBy;
    if (order) {
      const sign = order.direction === 'desc' ? -1 : 1;
      const field = order.field as string;
      results = [...results].sort(
        (a, b) =>
          sign * compare((a.value as Record<string, unknown>)[field], (b.value as Record<string, unknown>)[field]),
      );
    }
    return options.top === undefined ? results : results.slice(0, options.top);
  }

  watch(listener: StoreListener): () => void {
    return this.cache.watch(listener);
  }
}

/** Orders scalars; absent values sort last, as SharePoint does for empty columns in ascending order. */
function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return 1;
  if (b === undefined || b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

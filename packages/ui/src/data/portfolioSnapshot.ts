import type { EntityKind, EntityOf, Stored } from '@tandem/core';

/** Every stored item of each kind, with its ETag, keyed by id. */
export type PortfolioTables = { [K in EntityKind]: ReadonlyMap<string, Stored<EntityOf<K>>> };

/** What a view renders from: the whole portfolio as it was last loaded, kept fresh by `store.watch`. */
export type PortfolioSnapshot =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'ready';
      tables: PortfolioTables;
      /** Bumped on every change, for memo keys. */
      version: number;
      /** The kinds loaded so far (the roadmap's come first); the tables of the others are empty until they are in. */
      loaded: ReadonlySet<EntityKind>;
    };

/** The kinds the roadmap draws from, loaded first so it can render before the rest of the portfolio is in. */
export const FIRST_KINDS: readonly EntityKind[] = ['objective', 'initiative', 'checkIn'];

/** Whether every kind in `kinds` is loaded in `snapshot`. */
export function hasLoaded(snapshot: PortfolioSnapshot, kinds: readonly EntityKind[]): boolean {
  return snapshot.status === 'ready' && kinds.every((k) => snapshot.loaded.has(k));
}

/** The values of one kind, in the store's order. */
export function valuesOf<K extends EntityKind>(tables: PortfolioTables, kind: K): EntityOf<K>[] {
  return [...tables[kind].values()].map((s) => s.value as EntityOf<K>);
}

/** The stored item of `kind` whose key is `key` (undefined when there is none). */
export function storedByKey<K extends EntityKind>(
  tables: PortfolioTables,
  kind: K,
  key: string,
): Stored<EntityOf<K>> | undefined {
  for (const stored of tables[kind].values()) {
    if ((stored.value as { key?: string }).key === key) return stored as Stored<EntityOf<K>>;
  }
  return undefined;
}

import type { EntityKind, EntityOf } from '../model/kinds.js';
import type { KeyedKind } from '../keys/entityKey.js';

/** A value as stored, with the ETag to hand back when changing it. */
export interface Stored<T> {
  value: T;
  etag: string;
}

/** The fields of `T` that hold a single scalar (the ones a query can filter and sort on). */
export type ScalarField<T> = {
  [F in keyof T & string]-?: NonNullable<T[F]> extends string | number | boolean ? F : never;
}[keyof T & string];

/** Equality conditions, all of which must hold. */
export type Where<T> = { [F in ScalarField<T>]?: T[F] };

/** A sort order. */
export interface OrderBy<T> {
  field: ScalarField<T>;
  direction?: 'asc' | 'desc';
}

/** What to fetch. */
export interface QueryOptions<T> {
  where?: Where<T>;
  orderBy?: OrderBy<T>;
  /** At most this many results. */
  top?: number;
}

/** The changes a `Patch` may make: any field but `id`; for keyed kinds the key is stable too. */
export type Patch<T> = Partial<Omit<T, 'id' | 'key'>>;

/** One change seen by `watch`: an item created or updated (with its new value and ETag), or deleted. */
export type StoreChange = {
  [K in EntityKind]:
    | { kind: K; id: string; value: EntityOf<K>; etag: string; deleted?: false }
    | { kind: K; id: string; value?: undefined; etag?: undefined; deleted: true };
}[EntityKind];

/** Called for each change, in order. */
export type StoreListener = (change: StoreChange) => void;

/**
 * Where Tandem's entities live (SharePoint lists through Graph, or the local server, or memory in tests).
 *
 * The contract every adapter keeps:
 * - Values are validated (`validateEntity`) before any write; a bad value rejects with `ValidationError` and nothing is written.
 * - `create` is idempotent by id: the client picks the UUID, and creating an id that already exists resolves with the stored
 *   item instead of making a second one (a retried create is safe). A keyed value whose key another id already holds
 *   rejects with `ConflictError` (`theirs` is the holder).
 * - `update` and `delete` take the ETag the caller read; when the item changed since, they reject with `ConflictError`
 *   carrying `mine` (the patch) and `theirs` (the current value and ETag, or undefined if it was deleted).
 *   A missing item rejects with `NotFoundError`. Every successful write returns (or invalidates) the ETag.
 * - `get`/`getByKey` resolve undefined for a missing item; they never throw `NotFoundError`.
 * - Other failures reject with a `StoreError` whose `code` says why (`throttled`, `unavailable`, `unauthorized`, …).
 *   A write is never dropped silently: it resolves once stored or rejects.
 */
export interface Store {
  create<K extends EntityKind>(kind: K, value: EntityOf<K>): Promise<Stored<EntityOf<K>>>;
  get<K extends EntityKind>(kind: K, id: string): Promise<Stored<EntityOf<K>> | undefined>;
  getByKey<K extends KeyedKind>(kind: K, key: string): Promise<Stored<EntityOf<K>> | undefined>;
  update<K extends EntityKind>(
    kind: K,
    id: string,
    patch: Patch<EntityOf<K>>,
    etag: string,
  ): Promise<Stored<EntityOf<K>>>;
  delete<K extends EntityKind>(kind: K, id: string, etag: string): Promise<void>;
  query<K extends EntityKind>(kind: K, options?: QueryOptions<EntityOf<K>>): Promise<Stored<EntityOf<K>>[]>;
  /** Calls `listener` for every change made through this store (and, where the adapter syncs, by others); returns the unsubscribe. */
  watch(listener: StoreListener): () => void;
}

import {
  ConflictError,
  KEYED_KINDS,
  NotFoundError,
  StoreError,
  validateEntity,
  type EntityKind,
  type EntityOf,
  type KeyedKind,
  type Patch,
  type QueryOptions,
  type Store,
  type StoreChange,
  type StoreListener,
  type Stored,
} from '@tandem/core';

/** Options of a {@link MemoryStore}, for tests that need a slow or failing store. */
export interface MemoryStoreOptions {
  /** Delay every call by this many milliseconds (to see loading states). @default 0 */
  latencyMs?: number;
}

interface Row {
  value: unknown;
  version: number;
}

const keyedKinds = new Set<string>(KEYED_KINDS);

function copy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * core's `Store` port held in memory, for tests and demos in the browser or Node. It keeps the port's whole contract:
 * validation before every write, idempotent creates by id, unique keys, ETags that change on every write,
 * `ConflictError` with both sides on a stale ETag, `NotFoundError` for a missing item, and `watch` notifications.
 * Values are copied in and out, so callers can never change stored data by accident.
 */
export class MemoryStore implements Store {
  private readonly tables = new Map<EntityKind, Map<string, Row>>();
  private readonly listeners = new Set<StoreListener>();
  /** Delay of every call, in milliseconds; change it after seeding to see loading states. */
  latencyMs: number;
  private failure: StoreError | undefined;
  /** How many calls each method has had (tests check, for example, that a view loads each kind once). */
  readonly calls: Record<'create' | 'get' | 'getByKey' | 'update' | 'delete' | 'query', number> = {
    create: 0,
    get: 0,
    getByKey: 0,
    update: 0,
    delete: 0,
    query: 0,
  };

  constructor(options: MemoryStoreOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
  }

  /** Makes every following call reject with `error` (until called again with undefined): an outage, for error states. */
  failWith(error: StoreError | undefined): void {
    this.failure = error;
  }

  /**
   * Sets one field of a stored item without validation, as a buggy or hostile writer elsewhere might have:
   * for tests that check the UI stays safe with data the schema would refuse. Bumps the ETag and notifies watchers.
   */
  forceField(kind: EntityKind, id: string, field: string, value: unknown): void {
    const table = this.table(kind);
    const row = table.get(id);
    if (!row) throw new NotFoundError(kind, id);
    const next: Row = { value: { ...(row.value as object), [field]: value }, version: row.version + 1 };
    table.set(id, next);
    const stored = this.stored(kind, id, next);
    this.emit({ kind, id, value: stored.value, etag: stored.etag } as StoreChange);
  }

  /** Loads many entities of one kind at once, validated, as `create` would (with notifications). */
  async seed<K extends EntityKind>(kind: K, values: readonly EntityOf<K>[]): Promise<void> {
    for (const value of values) await this.create(kind, value);
  }

  async create<K extends EntityKind>(kind: K, value: EntityOf<K>): Promise<Stored<EntityOf<K>>> {
    this.calls.create++;
    await this.pause();
    const valid = validateEntity(kind, value);
    const table = this.table(kind);
    const id = (valid as { id: string }).id;
    const existing = table.get(id);
    if (existing) return this.stored(kind, id, existing); // a retried create: the item already made
    const key = (valid as { key?: string }).key;
    if (keyedKinds.has(kind) && key !== undefined) {
      for (const [otherId, row] of table) {
        if ((row.value as { key?: string }).key === key) {
          throw new ConflictError(`${kind} ${key} already exists`, value, this.stored(kind, otherId, row));
        }
      }
    }
    const row: Row = { value: copy(valid), version: 1 };
    table.set(id, row);
    const stored = this.stored(kind, id, row);
    this.emit({ kind, id, value: copy(stored.value), etag: stored.etag } as StoreChange);
    return stored;
  }

  async get<K extends EntityKind>(kind: K, id: string): Promise<Stored<EntityOf<K>> | undefined> {
    this.calls.get++;
    await this.pause();
    const row = this.table(kind).get(id);
    return row ? this.stored(kind, id, row) : undefined;
  }

  async getByKey<K extends KeyedKind>(kind: K, key: string): Promise<Stored<EntityOf<K>> | undefined> {
    this.calls.getByKey++;
    await this.pause();
    for (const [id, row] of this.table(kind)) {
      if ((row.value as { key?: string }).key === key) return this.stored(kind, id, row) as Stored<EntityOf<K>>;
    }
    return undefined;
  }

  async update<K extends EntityKind>(
    kind: K,
    id: string,
    patch: Patch<EntityOf<K>>,
    etag: string,
  ): Promise<Stored<EntityOf<K>>> {
    this.calls.update++;
    await this.pause();
    const table = this.table(kind);
    const row = table.get(id);
    if (!row) throw new NotFoundError(kind, id);
    const current = this.stored(kind, id, row);
    if (current.etag !== etag) {
      throw new ConflictError(`${kind} ${id} changed since it was read`, copy(patch), current);
    }
    const { id: _ignoredId, key: _ignoredKey, ...fields } = patch as Record<string, unknown>;
    const merged = validateEntity(kind, { ...(row.value as object), ...fields });
    const next: Row = { value: copy(merged), version: row.version + 1 };
    table.set(id, next);
    const stored = this.stored(kind, id, next);
    this.emit({ kind, id, value: copy(stored.value), etag: stored.etag } as StoreChange);
    return stored;
  }

  async delete<K extends EntityKind>(kind: K, id: string, etag: string): Promise<void> {
    this.calls.delete++;
    await this.pause();
    const table = this.table(kind);
    const row = table.get(id);
    if (!row) throw new NotFoundError(kind, id);
    const current = this.stored(kind, id, row);
    if (current.etag !== etag) throw new ConflictError(`${kind} ${id} changed since it was read`, undefined, current);
    table.delete(id);
    this.emit({ kind, id, deleted: true } as StoreChange);
  }

  async query<K extends EntityKind>(kind: K, options: QueryOptions<EntityOf<K>> = {}): Promise<Stored<EntityOf<K>>[]> {
    this.calls.query++;
    await this.pause();
    let rows = [...this.table(kind)].map(([id, row]) => this.stored(kind, id, row));
    const where = Object.entries(options.where ?? {}) as [string, unknown][];
    if (where.length) {
      rows = rows.filter((r) => where.every(([f, v]) => (r.value as Record<string, unknown>)[f] === v));
    }
    if (options.orderBy) {
      const { field, direction = 'asc' } = options.orderBy;
      const sign = direction === 'desc' ? -1 : 1;
      rows.sort((a, b) => {
        const x = (a.value as Record<string, unknown>)[field] as string | number | boolean | undefined;
        const y = (b.value as Record<string, unknown>)[field] as string | number | boolean | undefined;
        if (x === y) return 0;
        if (x === undefined) return 1; // missing values last, as SharePoint sorts empty columns
        if (y === undefined) return -1;
        return (x < y ? -1 : 1) * sign;
      });
    }
    if (options.top !== undefined) {
      if (!Number.isInteger(options.top) || options.top < 1) {
        throw new StoreError('validation', `top must be a whole number of at least 1, got ${options.top}`);
      }
      rows = rows.slice(0, options.top);
    }
    return rows;
  }

  watch(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private table(kind: EntityKind): Map<string, Row> {
    let table = this.tables.get(kind);
    if (!table) {
      table = new Map();
      this.tables.set(kind, table);
    }
    return table;
  }

  private stored<K extends EntityKind>(_kind: K, id: string, row: Row): Stored<EntityOf<K>> {
    // SharePoint's ETag shape: the item's id and its version.
    return { value: copy(row.value) as EntityOf<K>, etag: `"${id},${row.version}"` };
  }

  private emit(change: StoreChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  private async pause(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }
}
